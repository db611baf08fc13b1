import Foundation
import KioskCore
import Testing

/// Every case of Tests/Fixtures/hours/opening-hours-js-reference.jsonl (answers of the reference evaluator
/// opening_hours.js; see the README there) must get the same answer, or the same rejection, here.
@Suite struct OpeningHoursReferenceTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hours/opening-hours-js-reference.jsonl")

    @Test func matchesOpeningHoursJS() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        var cases = 0
        var rejected = 0
        for line in text.split(separator: "\n") where !line.isEmpty {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let rule = try #require(object["rule"] as? String)
            let at = try #require(object["at"] as? String).flatMap(SeoulTime.parseLocal)
            let instant = try #require(at)
            var calendar = HolidayCalendar.korean
            if let dates = object["holidays"] as? [String] {
                calendar = HolidayCalendar(dates: dates.compactMap(LocalDate.init(iso:)))
            }
            cases += 1
            if object["error"] as? Bool == true {
                rejected += 1
                #expect(throws: OpeningHoursError.self, "\(rule) should be rejected") { try OpeningHours(parsing: rule) }
                continue
            }
            let hours = try OpeningHours(parsing: rule)
            #expect(hours.isOpen(at: instant, calendar: calendar) == (object["open"] as? Bool), "\(line)")
            let expected = object["nextChange"] as? String
            #expect(hours.nextChange(after: instant, calendar: calendar).map(SeoulTime.format) == expected, "\(line)")
        }
        #expect(cases > 3000 && rejected > 50)
    }
}
