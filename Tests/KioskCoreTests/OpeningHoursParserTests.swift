import Foundation
import KioskCore
import Testing

@Suite struct OpeningHoursParserTests {
    @Test(arguments: [
        "24/7",
        "open",
        "off",
        "Mo-Fr 09:00-18:00",
        "Mo-Fr 09:00-18:00; PH off",
        "Mo-Fr 08:00-12:00,13:00-17:30; Sa 08:00-12:00; PH off",
        "Mo-Su 08:00-18:00; Apr 10-15 off; Jun 08:00-14:00; Aug off; Dec 25 off",
        "Fr-Mo 10:00-12:00",
        "Mo-Fr 22:00-02:00",
        "Mo-Fr 22:00-26:00",
        "Jul-Aug 10:00-16:00",
        "Nov-Feb 10:00-16:00",
        "Dec 25 off",
        "Dec 31-Jan 02 off",
        "Dec 24,31 10:00-12:00",
        "2026 Jan 27 09:00-12:00",
        "2025 Dec 29-2026 Jan 02 off",
        "2026 Jan 27-29 off",
        "Sa off, Su 10:00-12:00",
        "2026-2027 Mo-Fr 09:00-18:00",
        "Mo-Fr 09:00-18:00, Sa 10:00-13:00",
        "Su,PH off",
        "PH Mo-Fr off",
        "Mo-Fr PH off",
        "Mo,We,Fr 09:00-12:00 open",
        "Mo-Fr 09:00-18:00 closed",
        "Mo-Fr 09:00-18:00;",
        "mo-fr 09:00-18:00",
        "Mo-Fr 09:00-18:00;; Sa off",
        "Mo-Fr 09:00-18:00,",
    ])
    func acceptsTheSubset(_ rule: String) throws {
        _ = try OpeningHours(parsing: rule)
    }

    @Test(arguments: [
        ("Mo-Fr 10:00-18:00 || \"by appointment\"", 19, "fallback"),
        ("Mo[1] 10:00-12:00", 3, "nth-weekday"),
        ("Mo-Fr 10:00+", 12, "open-ended"),
        ("Mo-Fr sunrise-sunset", 7, "unexpected"),
        ("Mo-Fr (sunrise+01:00)-18:00", 7, "variable"),
        ("Mo-Fr 10:00-16:00/01:00", 18, "periodic"),
        ("Mo-Fr \"comment\"", 7, "comments"),
        ("SH off", 1, "school holidays"),
        ("week 01-10 Mo 10:00-12:00", 1, "week"),
        ("Mo-Fr 10:00", 12, "points in time"),
        ("Mo-Fr 10:00-10:00", 7, "empty"),
        ("Mo-Fr 25:00-26:00", 7, "start after 24:00"),
        ("Mo-Fr 9:5-10:00", 7, "malformed time"),
        ("Feb 30 off", 5, "does not exist"),
        ("Mo-Fr 09:00-18:00 unknown", 19, "unknown"),
        ("Mo-Fr 09:00-18:00 Sa", 19, "unexpected"),
        ("Mo-Xx 09:00-18:00", 4, "expected a weekday"),
        ("2025 Dec 29-Jan 02 off", 13, "dated day"),
        ("Th, Apr-Aug 07:00-20:00", 3, "additional rule"),
        ("24/7, Sa off", 5, "additional rule"),
        ("Mo-Fr Sa 09:00-18:00", 7, "joined with ','"),
        ("", 1, "empty"),
        ("Mo-Fr 09:00-18:00 @", 19, "unexpected character"),
    ])
    func rejectsWithPosition(_ rule: String, _ position: Int, _ fragment: String) {
        do {
            _ = try OpeningHours(parsing: rule)
            Issue.record("'\(rule)' parsed but should not")
        } catch {
            #expect(error.position == position, "\(rule): \(error)")
            #expect(error.message.contains(fragment), "\(rule): \(error)")
            #expect(error.description.hasPrefix("position \(error.position): "))
        }
    }

    @Test func sameRulesCompareEqual() throws {
        #expect(try OpeningHours(parsing: "Mo-Fr 09:00-18:00") == OpeningHours(parsing: "Mo,Tu,We,Th,Fr 09:00-18:00"))
        #expect(try OpeningHours(parsing: "Mo-Fr 09:00-18:00") != OpeningHours(parsing: "Mo-Sa 09:00-18:00"))
    }
}
