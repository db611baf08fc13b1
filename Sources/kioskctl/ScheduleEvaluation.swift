import Foundation
import KioskCore

/// The evaluation behind `kioskctl schedule eval`, shared by the single and the batch form.
enum ScheduleEvaluation {
    /// One answer.
    struct Answer {
        var open: Bool
        /// Local `YYYY-MM-DDTHH:MM`, or nil when nothing changes within 366 days.
        var nextChange: String?

        /// `{"open":…,"nextChange":…}`.
        var jsonLine: String {
            "{\"open\":\(open),\"nextChange\":\(nextChange.map { "\"\($0)\"" } ?? "null")}"
        }
    }

    /// A problem with one input.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func evaluate(rule: String, at: String, calendar: HolidayCalendar) throws -> Answer {
        let hours: OpeningHours
        do {
            hours = try OpeningHours(parsing: rule)
        } catch {
            throw Problem(description: "rule: \(error)")
        }
        guard let instant = SeoulTime.parseLocal(at) else {
            throw Problem(description: "at: '\(at)' is not a local time YYYY-MM-DDTHH:MM[:SS]")
        }
        let next = hours.nextChange(after: instant, calendar: calendar)
        return Answer(open: hours.isOpen(at: instant, calendar: calendar), nextChange: next.map(SeoulTime.format))
    }

    static func evaluate(jsonLine: String) throws -> Answer {
        guard let object = try? JSONSerialization.jsonObject(with: Data(jsonLine.utf8)) as? [String: Any] else {
            throw Problem(description: "not a JSON object")
        }
        guard let rule = object["rule"] as? String else { throw Problem(description: "\"rule\" must be a string") }
        guard let at = object["at"] as? String else { throw Problem(description: "\"at\" must be a string") }
        var calendar = HolidayCalendar.korean
        switch object["holidays"] {
        case nil, is NSNull:
            break
        case let list as [Any]:
            var dates: [LocalDate] = []
            for item in list {
                guard let text = item as? String, let date = LocalDate(iso: text) else {
                    throw Problem(description: "\"holidays\" must hold YYYY-MM-DD strings")
                }
                dates.append(date)
            }
            calendar = HolidayCalendar(dates: dates)
        case let text as String:
            calendar = try Self.calendar(list: text)
        default:
            throw Problem(description: "\"holidays\" must be an array of YYYY-MM-DD strings")
        }
        return try evaluate(rule: rule, at: at, calendar: calendar)
    }

    /// A calendar from `D1,D2,…` (empty text = no holidays).
    static func calendar(list: String) throws -> HolidayCalendar {
        var dates: [LocalDate] = []
        for part in list.split(separator: ",") {
            let text = part.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let date = LocalDate(iso: text) else { throw Problem(description: "'\(text)' is not a date YYYY-MM-DD") }
            dates.append(date)
        }
        return HolidayCalendar(dates: dates)
    }

    static func errorLine(_ message: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: ["error": message])
        return String(decoding: data, as: UTF8.self)
    }
}
