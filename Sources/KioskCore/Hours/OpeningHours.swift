public import Foundation

/// Opening hours written in the OpenStreetMap `opening_hours` syntax (a subset), evaluated in Asia/Seoul.
///
/// Supported: rules separated by `;` (a later open rule whose day selector matches a day replaces what
/// earlier rules said about that day, including the previous night's spill past midnight; a rule without
/// day selectors does so only when the rule before it had none either; `off`/`closed` rules only close)
/// and `,` (additional rules that add; only after time spans or a state); empty rules are ignored; weekdays, weekday ranges (also wrapping, `Fr-Mo`) and `PH`
/// (`Sa,PH` = either; `PH Mo-Fr` = a holiday on a weekday);
/// months and month ranges (`Jul-Aug`, `Nov-Feb`); dates and date ranges (`Dec 25`, `Dec 31-Jan 02`,
/// `Dec 24,31`); years and dated ranges for one-off changes (`2026 Jan 27 09:00-12:00`,
/// `2025 Dec 29-2026 Jan 02 off`, `2026-2027`); several time spans per rule, spans past midnight
/// (`22:00-02:00`, `22:00-26:00`); `24/7`; the states `open`, `off`, `closed`. The semantics follow the
/// reference evaluator opening_hours.js. Anything else is an `OpeningHoursError` with its position.
///
/// Evaluation is pure: the instant and the holiday calendar are parameters.
public struct OpeningHours: Sendable, Hashable, CustomStringConvertible {
    /// The rule text as given.
    public let source: String
    let rules: [OpeningHoursRule]
    /// No rule has a day selector, so every day looks the same.
    private let everyDayAlike: Bool

    /// Parses `text`; throws `OpeningHoursError` naming the position of the first unsupported or malformed part.
    public init(parsing text: String) throws(OpeningHoursError) {
        var parser = try OpeningHoursParser(text)
        rules = try parser.parse()
        source = text
        everyDayAlike = !rules.contains { $0.hasDaySelector }
    }

    /// Open around the clock.
    public static let alwaysOpen = try! OpeningHours(parsing: "24/7")

    /// The rule text.
    public var description: String { source }

    public static func == (lhs: OpeningHours, rhs: OpeningHours) -> Bool { lhs.rules == rhs.rules }
    public func hash(into hasher: inout Hasher) { hasher.combine(rules) }

    /// Whether the hours are open at `instant`, with `PH` taken from `calendar`.
    public func isOpen(at instant: Date, calendar: HolidayCalendar) -> Bool {
        let seconds = SeoulTime.localSeconds(instant)
        let day = SeoulTime.floorDiv(seconds, 86_400)
        return state(day: day, minute: (seconds - day * 86_400) / 60, calendar: calendar)
    }

    /// The first instant after `instant`, and no more than 366 days later, at which the open/closed state
    /// differs from the state at `instant`; `nil` when the state does not change within 366 days.
    /// Changes happen on whole minutes.
    public func nextChange(after instant: Date, calendar: HolidayCalendar) -> Date? {
        let seconds = SeoulTime.localSeconds(instant)
        let firstDay = SeoulTime.floorDiv(seconds, 86_400)
        let current = state(day: firstDay, minute: (seconds - firstDay * 86_400) / 60, calendar: calendar)
        let limit = seconds + 366 * 86_400
        if everyDayAlike {
            let segments = self.segments(day: firstDay, calendar: calendar)
            if segments.allSatisfy({ $0.open == current }) { return nil }
        }
        var day = firstDay
        while day * 86_400 <= limit {
            for segment in segments(day: day, calendar: calendar) {
                let start = day * 86_400 + segment.start * 60
                if start > seconds && segment.open != current {
                    return start <= limit ? SeoulTime.date(localSeconds: start) : nil
                }
            }
            day += 1
        }
        return nil
    }

    /// The open intervals that overlap `range`, clipped to it, merged across midnight, in order.
    public func intervals(in range: DateInterval, calendar: HolidayCalendar) -> [DateInterval] {
        let from = SeoulTime.localSeconds(range.start)
        let to = SeoulTime.localSeconds(range.end)
        guard to > from else { return [] }
        var result: [(Int, Int)] = []
        var day = SeoulTime.floorDiv(from, 86_400)
        while day * 86_400 < to {
            for segment in segments(day: day, calendar: calendar) where segment.open {
                let start = max(from, day * 86_400 + segment.start * 60)
                let end = min(to, day * 86_400 + segment.end * 60)
                guard end > start else { continue }
                if let last = result.last, last.1 == start {
                    result[result.count - 1].1 = end
                } else {
                    result.append((start, end))
                }
            }
            day += 1
        }
        return result.map {
            DateInterval(start: SeoulTime.date(localSeconds: $0.0), end: SeoulTime.date(localSeconds: $0.1))
        }
    }

    /// The state at `minute` (0..<1440) of the day `day` (days since 1970-01-01, local).
    func state(day: Int, minute: Int, calendar: HolidayCalendar) -> Bool {
        let date = LocalDate(dayNumber: day)
        var previous: LocalDate?
        var open = false
        for rule in rules {
            if rule.matches(day: day, date: date, calendar: calendar) {
                if rule.replacesDay { open = false }
                for span in rule.spans where span.start <= minute && minute < min(span.end, 1440) { open = rule.open }
            }
            if rule.spills {
                if previous == nil { previous = LocalDate(dayNumber: day - 1) }
                if rule.matches(day: day - 1, date: previous!, calendar: calendar) {
                    for span in rule.spans where span.end > 1440 && max(0, span.start - 1440) <= minute && minute < span.end - 1440 {
                        open = rule.open
                    }
                }
            }
        }
        return open
    }

    /// The day cut at every span boundary, each piece with its state (pieces may share a state).
    func segments(day: Int, calendar: HolidayCalendar) -> [(start: Int, end: Int, open: Bool)] {
        var points: [Int] = [0]
        for rule in rules {
            for span in rule.spans {
                if span.start < 1440 { points.append(span.start) }
                if span.end < 1440 { points.append(span.end) }
                if span.end > 1440 { points.append(span.end - 1440) }
                if span.start > 1440 { points.append(span.start - 1440) }
            }
        }
        points.sort()
        var result: [(start: Int, end: Int, open: Bool)] = []
        var last = -1
        for (offset, point) in points.enumerated() where point != last && point < 1440 {
            last = point
            var end = 1440
            for next in points[(offset + 1)...] where next > point {
                end = next
                break
            }
            result.append((point, end, state(day: day, minute: point, calendar: calendar)))
        }
        return result
    }
}
