import ArgumentParser
import Foundation

/// A calendar day or an instant given on the command line, resolved in a time zone.
struct LedgerDate {
    /// The first millisecond (UTC epoch) of the day or the instant itself.
    var startMilliseconds: Int64
    /// The first millisecond after the day (for a day), or nil for an instant.
    var endMilliseconds: Int64?

    /// Parses `YYYY-MM-DD` (a local day in `timeZone`) or an ISO 8601 instant with offset
    /// (`2026-11-22T09:00:00+09:00`).
    init(parsing text: String, timeZone: TimeZone) throws {
        let dayFormatter = DateFormatter()
        dayFormatter.locale = Locale(identifier: "en_US_POSIX")
        dayFormatter.calendar = Calendar(identifier: .gregorian)
        dayFormatter.timeZone = timeZone
        dayFormatter.dateFormat = "yyyy-MM-dd"
        dayFormatter.isLenient = false
        if text.count == 10, let start = dayFormatter.date(from: text) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let end = calendar.date(byAdding: .day, value: 1, to: start)!
            startMilliseconds = Int64((start.timeIntervalSince1970 * 1000).rounded())
            endMilliseconds = Int64((end.timeIntervalSince1970 * 1000).rounded())
            return
        }
        let instant = ISO8601DateFormatter()
        instant.formatOptions = [.withInternetDateTime]
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = instant.date(from: text) ?? fractional.date(from: text) else {
            throw ValidationError("\"\(text)\" is not a date: expected YYYY-MM-DD or an ISO 8601 instant like 2026-11-22T09:00:00+09:00")
        }
        startMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        endMilliseconds = nil
    }
}

/// Resolves a `--time-zone` value.
func ledgerTimeZone(_ identifier: String) throws -> TimeZone {
    guard let zone = TimeZone(identifier: identifier) else {
        throw ValidationError("unknown time zone \"\(identifier)\"; use an IANA name like Asia/Seoul")
    }
    return zone
}
