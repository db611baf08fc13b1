import Foundation
import KioskCore
import Testing

@Suite("Reading a ledger entry back from its canonical bytes")
struct LedgerCanonicalDecodingTests {
    @Test("every field round-trips and the hash is the hash of the bytes")
    func roundTrip() throws {
        let full = try LedgerEntryTests.chain(2)[1]
        let bare = LedgerEntry(
            sealing: LedgerRecord(kind: .maintenanceOn, kioskID: "키오스크-7", instant: LedgerEntryTests.instant),
            sequence: 1, entryID: UUID(), previousHash: .zero)
        for entry in [full, bare] {
            let read = try LedgerEntry(canonicalBytes: entry.canonicalBytes)
            #expect(read == entry)
            #expect(read.entryHash == entry.entryHash)
        }
    }

    @Test("a changed byte changes the hash, so the chain catches it")
    func alteredBytes() throws {
        let entry = try LedgerEntryTests.chain(1)[0]
        var bytes = entry.canonicalBytes
        bytes[bytes.count - 1] ^= 1  // the uptime's last byte
        let read = try LedgerEntry(canonicalBytes: bytes)
        #expect(read.entryHash != entry.entryHash)
        #expect(read.record.instant.uptimeNanoseconds != entry.record.instant.uptimeNanoseconds)
    }

    @Test("every truncation is refused with the field it ends in")
    func truncations() throws {
        let bytes = try LedgerEntryTests.chain(1)[0].canonicalBytes
        #expect(throws: LedgerCanonicalError.unknownLayout) { try LedgerEntry(canonicalBytes: bytes.prefix(3)) }
        #expect(throws: LedgerCanonicalError.truncated(field: "sequence")) { try LedgerEntry(canonicalBytes: bytes.prefix(10)) }
        for length in 4..<bytes.count {
            #expect(throws: LedgerCanonicalError.self) { try LedgerEntry(canonicalBytes: bytes.prefix(length)) }
        }
    }

    @Test("wrong magic, a bad presence byte and trailing bytes are refused")
    func malformed() throws {
        let bytes = try LedgerEntryTests.chain(1)[0].canonicalBytes
        var magic = bytes
        magic[3] = UInt8(ascii: "2")
        #expect(throws: LedgerCanonicalError.unknownLayout) { try LedgerEntry(canonicalBytes: magic) }
        #expect(throws: LedgerCanonicalError.trailingBytes(1)) { try LedgerEntry(canonicalBytes: bytes + [0]) }
        // The session id's presence byte follows magic, sequence, entry id, previous hash, kind, kiosk id.
        let kindLength = Int(bytes[60]) << 24 | Int(bytes[61]) << 16 | Int(bytes[62]) << 8 | Int(bytes[63])
        let kioskAt = 64 + kindLength
        let kioskLength = Int(bytes[kioskAt + 3])
        var presence = bytes
        presence[kioskAt + 4 + kioskLength] = 7
        #expect(throws: LedgerCanonicalError.invalid(field: "session id", reason: "has a presence byte other than 0 or 1")) {
            try LedgerEntry(canonicalBytes: presence)
        }
        #expect(LedgerCanonicalError.truncated(field: "kind").description.contains("kind"))
    }
}
