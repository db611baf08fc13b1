import Foundation
@testable import KioskLedger
import Testing

/// The ledger's own UUID helpers must agree with Foundation's: entry ids are version-4 UUIDs and the
/// stored text is exactly `uuidString.lowercased()` (rows written before and after must compare equal).
@Suite("Ledger UUID text and entry ids")
struct LedgerUUIDTests {
    @Test("ledgerText is uuidString lowercased, for random and edge-value UUIDs")
    func text() {
        var samples = (0..<2_000).map { _ in UUID() }
        samples.append(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        samples.append(UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)))
        samples.append(UUID(uuid: (0x0f, 0xf0, 0x9a, 0xa9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)))
        for uuid in samples {
            #expect(uuid.ledgerText == uuid.uuidString.lowercased())
        }
    }

    @Test("entry ids are distinct version-4, RFC 4122 variant UUIDs that parse back")
    func entryIDs() {
        let ids = (0..<5_000).map { _ in UUID.randomEntryID() }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.uuid.6 >> 4 == 4)
            #expect(id.uuid.8 >> 6 == 0b10)
            #expect(UUID(uuidString: id.ledgerText) == id)
        }
    }
}
