import Foundation
@testable import KioskCentral
import KioskCore
import KioskSync
import Testing

/// The fast paths of ingest storage keep every byte: bodies cut from one array encoding equal the
/// per-entry encoding, and awkward text (tabs, newlines, backslashes, quotes, Korean) survives the
/// PostgreSQL COPY path and the SQLite path unchanged.
@Suite struct IngestEncodingTests {
    static let awkward = "line 1\nline 2\r\ttab \\ backslash \\N \"quoted\" {[,]} 종로구청 \u{1F600}"

    static func chain(kioskID: String) -> (KioskSigningKey, [LedgerEntry]) {
        let key = KioskSigningKey()
        var entries: [LedgerEntry] = []
        for sequence in Int64(1)...6 {
            let quote = sequence == 2 ? try! LedgerJSON(encoding: ["note": awkward, "list": "a,b]"]) : nil
            let record = LedgerRecord(
                kind: sequence % 2 == 0 ? .paid : .issued, kioskID: kioskID,
                instant: LedgerInstant(utcMilliseconds: 1_763_600_400_000 + sequence * 1000, uptimeNanoseconds: sequence),
                issuanceID: UUID(), documentCode: sequence == 3 ? "DOC\t\\CODE" : "RESIDENT-COPY", copies: 1, quote: quote,
                amount: Money(won: 200), paymentReference: sequence == 4 ? awkward : nil, detail: sequence == 5 ? awkward : nil)
            entries.append(LedgerEntry(sealing: record, sequence: sequence, entryID: UUID(), previousHash: entries.last?.entryHash ?? .zero))
        }
        return (key, entries)
    }

    @Test func bodiesCutFromOneArrayEqualEachEntryEncodedAlone() throws {
        let (_, entries) = Self.chain(kioskID: "seoul-jongno-01")
        let bodies = try CentralEntryRow.encodeBodies(entries)
        let encoder = WireCoding.encoder()
        #expect(bodies.count == entries.count)
        for (entry, body) in zip(entries, bodies) {
            #expect(body == String(decoding: try encoder.encode(entry), as: UTF8.self))
        }
        #expect(try CentralEntryRow.decode(bodies) == entries)
    }

    @Test func splittingRefusesWhatIsNotAnArray() {
        for text in ["", "{}", "[\"unterminated]", "[{]"] {
            let parts = Array(text.utf8).withUnsafeBytes { CentralEntryRow.splitTopLevelArray($0) }
            #expect(parts == nil, "\(text)")
        }
        let empty = Array("[]".utf8).withUnsafeBytes { CentralEntryRow.splitTopLevelArray($0) }
        #expect(empty == [])
    }

    @Test(arguments: StorageBackend.allCases)
    func awkwardTextIsStoredAndReadBackUnchanged(backend: StorageBackend) async throws {
        try await backend.with { storage, _ in
            let kioskID = "seoul-jongno-07"
            let (key, entries) = Self.chain(kioskID: kioskID)
            try await storage.addKiosk(CentralKiosk(id: kioskID, publicKey: key.publicKey.base64, name: "종로", location: "x", district: "Jongno-gu"))
            let outcome = try await LedgerIngest(storage: storage).ingest(
                pathKioskID: kioskID, batch: key.signedBatch(kioskID: kioskID, previousHash: .zero, entries: entries), nowUTCMilliseconds: 0)
            #expect(outcome == .accepted(LedgerAck(kioskID: kioskID, ackedSequence: 6, ackedHash: entries[5].entryHash, stored: 6)))
            let paid = try await storage.entries(kind: "paid", fromUTCMilliseconds: 0, toUTCMilliseconds: .max)
            let issued = try await storage.entries(kind: "issued", fromUTCMilliseconds: 0, toUTCMilliseconds: .max)
            #expect((paid + issued).sorted { $0.sequence < $1.sequence } == entries)
            for entry in paid + issued { #expect(entry.computedHash == entry.entryHash) }
            let totals = try await storage.dailyTotals(fromUTCMilliseconds: 0, toUTCMilliseconds: .max)
            #expect(totals.contains { $0.documentCode == "DOC\t\\CODE" && $0.count == 1 })
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func aFailingRowLeavesNothingOfItsBatch(backend: StorageBackend) async throws {
        try await backend.with { storage, _ in
            let kioskID = "seoul-jongno-08"
            let (key, entries) = Self.chain(kioskID: kioskID)
            try await storage.addKiosk(CentralKiosk(id: kioskID, publicKey: key.publicKey.base64, name: "종로", location: "x", district: "Jongno-gu"))
            try await storage.append(kioskID: kioskID, entries: Array(entries[0..<2]), expectedHead: 0)
            // Entries 2…4 collide with the stored entry 2 (primary key): the whole append must fail.
            await #expect(throws: CentralStorageError.self) {
                try await storage.append(kioskID: kioskID, entries: Array(entries[1..<4]), expectedHead: 2)
            }
            #expect(try await storage.entryCount() == 2)
            #expect(try await storage.head(kioskID: kioskID).sequence == 2)
        }
    }
}
