import Foundation
import KioskCore
import Testing

/// Local time helper: `at("2026-11-23T10:00")`.
func at(_ text: String) -> Date {
    guard let date = SeoulTime.parseLocal(text) else { fatalError("bad test time \(text)") }
    return date
}

@Suite struct OpeningHoursEvaluationTests {
    let noHolidays = HolidayCalendar.empty

    /// (rule, local time, open?, next change or nil) — examples from the opening_hours documentation that fall
    /// in the subset, and the spill/override cases the reference evaluator defines.
    /// 2026-11-23 is a Monday.
    @Test(arguments: [
        ("Mo-Fr 09:00-18:00", "2026-11-23T08:59", false, "2026-11-23T09:00"),
        ("Mo-Fr 09:00-18:00", "2026-11-23T09:00", true, "2026-11-23T18:00"),
        ("Mo-Fr 09:00-18:00", "2026-11-27T18:00", false, "2026-11-30T09:00"),
        ("Mo-Fr 08:00-12:00,13:00-17:30; Sa 08:00-12:00", "2026-11-23T12:30", false, "2026-11-23T13:00"),
        ("Mo-Fr 08:00-12:00,13:00-17:30; Sa 08:00-12:00", "2026-11-28T11:59", true, "2026-11-28T12:00"),
        ("Mo-Sa 10:00-20:00; Tu off", "2026-11-24T12:00", false, "2026-11-25T10:00"),
        ("Mo-Fr 10:00-20:00; We 12:00-14:00 off", "2026-11-25T11:00", true, "2026-11-25T12:00"),
        ("Mo-Fr 10:00-20:00; We 12:00-14:00 off", "2026-11-25T13:00", false, "2026-11-25T14:00"),
        ("Mo-Fr 10:00-20:00; We 10:00-16:00", "2026-11-25T17:00", false, "2026-11-26T10:00"),
        ("Mo-Su 08:00-18:00; Apr 10-15 off; Jun 08:00-14:00; Aug off; Dec 25 off", "2026-06-10T15:00", false, "2026-06-11T08:00"),
        ("Mo-Su 08:00-18:00; Apr 10-15 off; Jun 08:00-14:00; Aug off; Dec 25 off", "2026-04-12T10:00", false, "2026-04-16T08:00"),
        ("Mo-Su 08:00-18:00; Apr 10-15 off; Jun 08:00-14:00; Aug off; Dec 25 off", "2026-07-31T17:00", true, "2026-07-31T18:00"),
        ("Mo-Su 08:00-18:00; Apr 10-15 off; Jun 08:00-14:00; Aug off; Dec 25 off", "2026-08-15T10:00", false, "2026-09-01T08:00"),
        ("24/7", "2026-11-23T03:00", true, nil),
        ("off", "2026-11-23T03:00", false, nil),
        ("Mo-Fr 22:00-02:00", "2026-11-28T01:00", true, "2026-11-28T02:00"),
        ("Mo-Fr 22:00-02:00", "2026-11-23T01:00", false, "2026-11-23T22:00"),
        ("Mo-Fr 22:00-26:00", "2026-11-28T01:59", true, "2026-11-28T02:00"),
        ("Mo-Fr 22:00-02:00; Sa 10:00-12:00", "2026-11-28T01:00", false, "2026-11-28T10:00"),
        ("Sa 10:00-12:00; Mo-Fr 22:00-02:00", "2026-11-28T01:00", true, "2026-11-28T02:00"),
        ("Mo-Su 22:00-02:00", "2026-11-24T23:00", true, "2026-11-25T02:00"),
        ("Mo-Fr 22:00-02:00; Sa off", "2026-11-28T01:00", false, "2026-11-30T22:00"),
        ("Fr-Mo 10:00-12:00", "2026-11-24T10:00", false, "2026-11-27T10:00"),
        ("Fr-Mo 10:00-12:00", "2026-11-29T11:00", true, "2026-11-29T12:00"),
        ("Jul-Aug 10:00-16:00", "2026-06-30T10:00", false, "2026-07-01T10:00"),
        ("Nov-Feb 10:00-16:00", "2026-12-15T10:00", true, "2026-12-15T16:00"),
        ("Nov-Feb 10:00-16:00", "2026-03-01T10:00", false, "2026-11-01T10:00"),
        ("08:00-20:00; Dec 31-Jan 02 off", "2026-12-31T09:00", false, "2027-01-03T08:00"),
        ("Mo-Su 09:00-18:00; 2026 Jan 27 09:00-12:00", "2026-01-27T13:00", false, "2026-01-28T09:00"),
        ("Mo-Su 09:00-18:00; 2025 Dec 29-2026 Jan 02 off", "2025-12-30T10:00", false, "2026-01-03T09:00"),
        ("Mo-Su 09:00-18:00; 2025 Dec 29-2026 Jan 02 off", "2026-12-30T10:00", true, "2026-12-30T18:00"),
        ("Mo-Fr 09:00-18:00, Sa 10:00-13:00", "2026-11-28T10:30", true, "2026-11-28T13:00"),
        ("Mo-Fr 09:00-18:00; Mo-Fr 12:00-13:00 off", "2026-11-23T12:30", false, "2026-11-23T13:00"),
        ("Dec 24,31 10:00-12:00", "2026-12-31T11:00", true, "2026-12-31T12:00"),
        ("Dec 24,31 10:00-12:00", "2026-12-25T11:00", false, "2026-12-31T10:00"),
        // A rule without day selectors replaces earlier days only after another rule without one.
        ("Mo-Fr 09:00-18:00; 10:00-12:00", "2026-11-23T15:00", true, "2026-11-23T18:00"),
        ("Mo-Fr 09:00-18:00; 10:00-12:00", "2026-11-28T11:00", true, "2026-11-28T12:00"),
        ("08:00-20:00; 10:00-12:00", "2026-11-23T15:00", false, "2026-11-24T10:00"),
        ("Mo-Fr 09:00-18:00;; Sa 10:00-12:00", "2026-11-28T11:00", true, "2026-11-28T12:00"),
    ] as [(String, String, Bool, String?)])
    func evaluates(_ rule: String, _ time: String, _ open: Bool, _ next: String?) throws {
        let hours = try OpeningHours(parsing: rule)
        #expect(hours.isOpen(at: at(time), calendar: noHolidays) == open, "\(rule) @ \(time)")
        #expect(hours.nextChange(after: at(time), calendar: noHolidays).map(SeoulTime.format) == next, "\(rule) @ \(time)")
    }

    @Test func publicHolidaysCloseWithPHOff() throws {
        let hours = try OpeningHours(parsing: "Mo-Fr 09:00-18:00; PH off")
        let korean = HolidayCalendar.korean
        // 2024-02-12 is the substitute holiday for Seollal.
        #expect(!hours.isOpen(at: at("2024-02-12T10:00"), calendar: korean))
        #expect(hours.isOpen(at: at("2024-02-12T10:00"), calendar: .empty))
        #expect(hours.nextChange(after: at("2024-02-08T17:00"), calendar: korean).map(SeoulTime.format) == "2024-02-08T18:00")
        #expect(hours.nextChange(after: at("2024-02-08T18:00"), calendar: korean).map(SeoulTime.format) == "2024-02-13T09:00")
        let custom = HolidayCalendar(dates: [LocalDate(iso: "2026-11-24")!])
        #expect(!hours.isOpen(at: at("2026-11-24T10:00"), calendar: custom))
        // "PH Mo-Fr" (no comma) is a holiday that is also a weekday; "Sa,PH" is either.
        let weekdayHolidays = try OpeningHours(parsing: "Mo-Su 09:00-18:00; PH Mo-Fr off")
        #expect(!weekdayHolidays.isOpen(at: at("2025-10-06T10:00"), calendar: korean))
        #expect(weekdayHolidays.isOpen(at: at("2025-10-05T10:00"), calendar: korean))  // Chuseok on a Sunday
        #expect(weekdayHolidays.isOpen(at: at("2025-10-10T10:00"), calendar: korean))
        let either = try OpeningHours(parsing: "Sa,PH 10:00-12:00")
        #expect(either.isOpen(at: at("2025-10-06T11:00"), calendar: korean))
        #expect(either.isOpen(at: at("2025-10-11T11:00"), calendar: korean))
        #expect(!either.isOpen(at: at("2025-10-10T11:00"), calendar: korean))
        let holidayOnly = try OpeningHours(parsing: "PH 10:00-14:00")
        #expect(holidayOnly.isOpen(at: at("2025-10-06T11:00"), calendar: korean))
        #expect(!holidayOnly.isOpen(at: at("2025-10-10T11:00"), calendar: korean))
    }

    @Test func secondsWithinAMinuteKeepTheMinutesState() throws {
        let hours = try OpeningHours(parsing: "Mo-Fr 09:00-18:00")
        #expect(hours.isOpen(at: at("2026-11-23T17:59:59"), calendar: noHolidays))
        #expect(!hours.isOpen(at: at("2026-11-23T18:00:00"), calendar: noHolidays))
        #expect(hours.nextChange(after: at("2026-11-23T08:59:30"), calendar: noHolidays) == at("2026-11-23T09:00"))
    }

    @Test func nextChangeLooksOnly366DaysAhead() throws {
        let hours = try OpeningHours(parsing: "Mo-Su 09:00-18:00; 2028 Jan 10 off")
        #expect(hours.nextChange(after: at("2026-11-23T20:00"), calendar: noHolidays) == at("2026-11-24T09:00"))
        let rare = try OpeningHours(parsing: "2028 Jan 10 10:00-11:00")
        #expect(rare.nextChange(after: at("2026-11-23T20:00"), calendar: noHolidays) == nil)
        #expect(rare.nextChange(after: at("2027-01-20T20:00"), calendar: noHolidays) == at("2028-01-10T10:00"))
    }

    @Test func intervalsMergeAcrossMidnight() throws {
        let hours = try OpeningHours(parsing: "Mo-Su 22:00-02:00")
        let range = DateInterval(start: at("2026-11-23T00:00"), end: at("2026-11-25T00:00"))
        let intervals = hours.intervals(in: range, calendar: noHolidays)
        #expect(intervals.map { "\(SeoulTime.format($0.start))/\(SeoulTime.format($0.end))" } == [
            "2026-11-23T00:00/2026-11-23T02:00", "2026-11-23T22:00/2026-11-24T02:00", "2026-11-24T22:00/2026-11-25T00:00",
        ])
    }

    // MARK: properties

    static let propertyRules = [
        "Mo-Fr 09:00-18:00; PH off",
        "Mo-Fr 08:00-12:00,13:00-17:30; Sa 08:00-12:00; PH off",
        "Mo-Su 05:00-02:00",
        "Mo-Fr 22:00-02:00; Sa 10:00-12:00",
        "Mo-Su 08:00-18:00; Apr 10-15 off; Jun 08:00-14:00; Aug off; Dec 25 off",
        "Mo-Fr 09:00-21:00; Sa,Su 09:00-18:00; 2026 Dec 29-2027 Jan 02 off",
        "24/7; PH 00:00-06:00 off",
        "Fr-Mo 10:00-12:00, We 14:00-15:00",
    ]

    /// Deterministic instants spread over 2025–2027 (a linear congruential generator).
    static func sampleInstants(_ count: Int, seed: UInt64) -> [Date] {
        var state = seed
        let start = at("2025-01-01T00:00").timeIntervalSince1970
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Date(timeIntervalSince1970: start + Double((state >> 20) % (3 * 365 * 86_400)))
        }
    }

    @Test(arguments: propertyRules)
    func nextChangeReallyChangesAndStateIsConstantBefore(_ rule: String) throws {
        let hours = try OpeningHours(parsing: rule)
        let calendar = HolidayCalendar.korean
        for instant in Self.sampleInstants(150, seed: UInt64(rule.utf8.count)) {
            let state = hours.isOpen(at: instant, calendar: calendar)
            guard let change = hours.nextChange(after: instant, calendar: calendar) else {
                Issue.record("\(rule): no change after \(SeoulTime.format(instant))")
                continue
            }
            #expect(change > instant)
            #expect(hours.isOpen(at: change, calendar: calendar) != state, "\(rule) changes at \(SeoulTime.format(change))")
            #expect(hours.isOpen(at: change.addingTimeInterval(-1), calendar: calendar) == state)
            // Constant between the instant and the change: probe every 7 minutes.
            var probe = instant
            while probe < change {
                #expect(hours.isOpen(at: probe, calendar: calendar) == state, "\(rule) flips early at \(SeoulTime.format(probe))")
                probe = probe.addingTimeInterval(7 * 60)
            }
        }
    }

    @Test(arguments: propertyRules)
    func intervalsTileTheRange(_ rule: String) throws {
        let hours = try OpeningHours(parsing: rule)
        let calendar = HolidayCalendar.korean
        let range = DateInterval(start: at("2026-12-20T07:13"), end: at("2027-01-10T19:41"))
        let intervals = hours.intervals(in: range, calendar: calendar)
        for (a, b) in zip(intervals, intervals.dropFirst()) {
            #expect(a.end < b.start, "\(rule): intervals overlap or touch")
        }
        for interval in intervals {
            #expect(range.start <= interval.start && interval.end <= range.end)
            #expect(interval.duration > 0)
        }
        var probe = range.start
        while probe < range.end {
            let inside = intervals.contains { $0.start <= probe && probe < $0.end }
            #expect(inside == hours.isOpen(at: probe, calendar: calendar), "\(rule) at \(SeoulTime.format(probe))")
            probe = probe.addingTimeInterval(11 * 60)
        }
        // Each interval's boundaries are changes (unless clipped by the range).
        for interval in intervals where interval.end < range.end {
            #expect(hours.nextChange(after: interval.start, calendar: calendar) == interval.end)
        }
    }
}
