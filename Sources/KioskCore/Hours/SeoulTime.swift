public import Foundation

/// Local time in Korea: Asia/Seoul is UTC+9 all year (no daylight saving since 1988), so conversion is a
/// fixed offset and needs no time-zone database. Nothing here reads the clock.
public enum SeoulTime {
    /// Seconds east of UTC.
    public static let offsetSeconds = 9 * 3600

    /// Seconds since 1970-01-01T00:00 local time (floored to whole seconds).
    public static func localSeconds(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970).rounded(.down)) + offsetSeconds
    }

    /// The instant of a local-seconds value.
    public static func date(localSeconds: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(localSeconds - offsetSeconds))
    }

    /// The local calendar date of an instant.
    public static func localDate(of date: Date) -> LocalDate {
        LocalDate(dayNumber: floorDiv(localSeconds(date), 86_400))
    }

    /// The instant at `hour:minute` local time on `date` (hour may be 24 for the next midnight).
    public static func date(_ date: LocalDate, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date {
        self.date(localSeconds: date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second)
    }

    /// Parses local `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a space may replace the `T`).
    /// Returns `nil` when malformed or out of range.
    public static func parseLocal(_ text: String) -> Date? {
        let characters = Array(text)
        guard characters.count == 16 || characters.count == 19, characters[10] == "T" || characters[10] == " ",
            let date = LocalDate(iso: String(characters[0..<10]))
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            let slice = characters[range]
            guard slice.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(String(slice))
        }
        guard characters[13] == ":", let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60
        else { return nil }
        var second = 0
        if characters.count == 19 {
            guard characters[16] == ":", let s = number(17..<19), s < 60 else { return nil }
            second = s
        }
        return self.date(date, hour: hour, minute: minute, second: second)
    }

    /// Local `YYYY-MM-DDTHH:MM` (seconds dropped).
    public static func format(_ date: Date) -> String {
        let seconds = localSeconds(date)
        let day = LocalDate(dayNumber: floorDiv(seconds, 86_400))
        let inDay = seconds - floorDiv(seconds, 86_400) * 86_400
        let hour = inDay / 3600
        let minute = (inDay % 3600) / 60
        return "\(day)T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    @inline(__always)
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
