import Foundation
import KioskConfig
import KioskCore
import KioskSync
import KioskTestSupport
import Testing

@testable import KioskDaemon

/// Central's configuration overlay without I/O beyond a temp folder: which documents kioskd refuses
/// (with kiosk.toml's rules and the loaded catalog), what a good one changes, when a version counts as
/// newer, and how the applied one is kept in the state folder.
@Suite struct ConfigOverlayTests {
    static func base() throws -> KioskConfiguration {
        let folder = try TemporaryDirectory(prefix: "overlay")
        return try KioskConfigurationLoader.parse(
            RunningKiosk.configuration(folder: folder.path), file: "kiosk.toml", baseDirectory: folder.path)
    }

    static func overlay(_ document: KioskConfigDocument, district: Int = 1, kiosk: Int = 0) -> ConfigOverlay {
        ConfigOverlay(answer: KioskConfigAnswer(kioskID: "TEST-0001", district: "진주시", districtVersion: district, kioskVersion: kiosk, config: document))
    }

    @Test(arguments: [
        (KioskConfigDocument(hours: "Mo-Fr 25:00-26:00"), "hours: bad rule"),
        (KioskConfigDocument(feeOverridesWon: ["NO-SUCH-DOC": 100]), "feeOverridesWon.NO-SUCH-DOC: unknown document code"),
        (KioskConfigDocument(feeOverridesWon: ["LD-LAND": -1]), "feeOverridesWon.LD-LAND: -1 won is outside"),
        (KioskConfigDocument(feeOverridesWon: ["LD-LAND": 1_000_001]), "is outside 0…1,000,000"),
        (KioskConfigDocument(documentWindows: ["LD-LAND": "whenever"]), "documentWindows.LD-LAND: bad rule"),
        (KioskConfigDocument(documentWindows: ["NOPE": "24/7"]), "documentWindows.NOPE: unknown document code"),
        (KioskConfigDocument(extraHolidays: ["2026-02-30"]), "extraHolidays: \"2026-02-30\" is not a date"),
        (KioskConfigDocument(catalogVersion: "999999"), "catalogVersion: 999999 is asked for"),
    ])
    func refused(_ document: KioskConfigDocument, _ expected: String) throws {
        let problems = Self.overlay(document).problems(over: try Self.base())
        #expect(problems.contains { $0.contains(expected) }, "\(problems)")
    }

    @Test func aGoodDocumentChangesHoursFeesWindowsAndClosedDays() throws {
        let base = try Self.base()
        let document = KioskConfigDocument(
            catalogVersion: String(base.catalog.version), feeOverridesWon: ["LD-LAND": 300], hours: "Mo-Fr 09:00-18:00",
            documentWindows: ["LD-PRICE": "Mo-Fr 10:00-12:00"], extraHolidays: ["2026-06-15"])
        let overlay = Self.overlay(document)
        #expect(overlay.problems(over: base).isEmpty)
        let effective = overlay.applied(to: base)
        #expect(effective.kiosk.hours == "Mo-Fr 09:00-18:00")
        #expect(effective.catalog.applying(effective.catalogOverrides)["LD-LAND"]?.kioskFee == Money(won: 300))
        #expect(effective.catalog["LD-PRICE"]?.serviceWindow != nil)
        #expect(effective.devices == base.devices && effective.ledgerPath == base.ledgerPath, "everything else stays kiosk.toml's")
        let calendar = HolidayCalendar.korean.adding(overlay.holidays)
        #expect(calendar.isHoliday(try #require(LocalDate(year: 2026, month: 6, day: 15))))
        #expect(!HolidayCalendar.korean.isHoliday(try #require(LocalDate(year: 2026, month: 6, day: 15))))
    }

    @Test func newerMeansNoPartWentBackAndOneWentForward() {
        let inUse = Self.overlay(KioskConfigDocument(), district: 2, kiosk: 1)
        func answer(_ d: Int, _ k: Int) -> KioskConfigAnswer {
            KioskConfigAnswer(kioskID: "TEST-0001", district: "진주시", districtVersion: d, kioskVersion: k, config: KioskConfigDocument())
        }
        #expect(inUse.isOlder(than: answer(3, 1)))
        #expect(inUse.isOlder(than: answer(2, 2)))
        #expect(!inUse.isOlder(than: answer(2, 1)))
        #expect(!inUse.isOlder(than: answer(1, 5)))
    }

    @Test func theStoreKeepsTheOverlayWithMode0600() throws {
        let folder = try TemporaryDirectory(prefix: "overlay-store")
        let store = ConfigOverlayStore(stateDirectory: folder.path)
        #expect(try store.load() == nil)
        let first = Self.overlay(KioskConfigDocument(feeOverridesWon: ["LD-LAND": 300]))
        try store.save(first)
        let second = Self.overlay(KioskConfigDocument(hours: "off"), district: 2)
        try store.save(second)
        #expect(try store.load() == second)
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(!FileManager.default.fileExists(atPath: store.path + ".new"))
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: store.path))
        #expect(throws: ConfigOverlayStore.Failure.self) { try store.load() }
    }
}
