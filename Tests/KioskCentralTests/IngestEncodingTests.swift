import Foundation
import GRDB
@testable import KioskCentral
import KioskCore
import KioskSync
import KioskTestSupport
import Logging
import PostgresNIO
import Testing

/// Ingest storage keeps every byte: entries stored as canonical bytes read back equal, databases of the
/// first (JSON) layout are converted without loss, and awkward text (tabs, newlines, backslashes, quotes, Korean) survives the
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

    @Test func issuanceIDsAreLowerCaseUUIDText() {
        for uuid in [UUID(), UUID(), UUID(uuid: (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 255))] {
            #expect(CentralEntryRow.lowercaseText(uuid) == uuid.uuidString.lowercased())
        }
    }

    /// Reports by time and verification by number use indexes that grow at one place per kiosk, never a
    /// scan of every entry (the ingest benchmark depends on there being no index on time alone).
    @Test func reportsAndVerificationUseThePerKioskIndexes() throws {
        let directory = try TemporaryDirectory(prefix: "central-plan")
        let path = directory.file("central.sqlite")
        _ = try SQLiteCentralStorage(path: path)
        let pool = try DatabasePool(path: path)
        func plan(_ sql: String, _ arguments: StatementArguments) throws -> String {
            try pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }.joined(separator: "\n")
            }
        }
        let totals = try plan(SQLiteCentralStorage.dailyTotalsSQL, [0, 1])
        #expect(totals.contains("SEARCH e USING INDEX central_entry_kiosk_time (kiosk_id=? AND utc_ms>? AND utc_ms<?)"), "\(totals)")
        let kinds = try plan(SQLiteCentralStorage.entriesOfKindSQL, [0, 1, "feedback"])
        #expect(kinds.contains("SEARCH e USING INDEX central_entry_kiosk_time (kiosk_id=? AND utc_ms>? AND utc_ms<?)"), "\(kinds)")
        let verify = try plan("SELECT canonical FROM central_entry WHERE issuance_number = ? ORDER BY kiosk_id, sequence", ["1"])
        #expect(verify.contains("USING INDEX central_entry_number"), "\(verify)")
        let indexes = try pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'central_entry' AND sql IS NOT NULL ORDER BY name")
        }
        #expect(indexes == ["central_entry_kiosk_time", "central_entry_number"])
    }

    @Test func storedRowsReadBackAsTheSameEntries() throws {
        let (_, entries) = Self.chain(kioskID: "seoul-jongno-01")
        let rows = entries.map(CentralEntryRow.init)
        #expect(try CentralEntryRow.decode(rows.map(\.canonical)) == entries)
        #expect(rows[2].documentCode == "DOC\t\\CODE")
        var line: [UInt8] = []
        rows[2].appendCopyLine(kioskID: "k", to: &line)
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.contains("DOC\\t\\\\CODE"))
        #expect(text.hasSuffix("\n") && text.dropLast().contains("\n") == false)
        #expect(throws: CentralStorageError.self) { try CentralEntryRow.decode([Array(rows[0].canonical.dropLast())]) }
    }

    /// The first layout stored entries as JSON text with a hex hash; opening such a database converts
    /// every entry to its canonical bytes, checked against the stored hash.
    @Test func aSQLiteDatabaseOfTheJSONLayoutIsConverted() async throws {
        let directory = try TemporaryDirectory(prefix: "central-v2")
        let path = directory.file("central.sqlite")
        let kioskID = "seoul-jongno-02"
        let (key, entries) = Self.chain(kioskID: kioskID)
        try Self.writeJSONLayout(path: path, kioskID: kioskID, key: key, entries: entries)
        let storage = try SQLiteCentralStorage(path: path)
        #expect(try await storage.entryCount() == 6)
        let paid = try await storage.entries(kind: "paid", fromUTCMilliseconds: 0, toUTCMilliseconds: .max)
        #expect(paid == entries.filter { $0.record.kind == .paid })
        #expect(try await storage.entryHashes(kioskID: kioskID, range: 1...6) == Dictionary(uniqueKeysWithValues: entries.map { ($0.sequence, $0.entryHash) }))
        // The chain continues from the converted entries.
        let next = LedgerEntry(
            sealing: LedgerRecord(kind: .issued, kioskID: kioskID, instant: LedgerInstant(utcMilliseconds: 1_763_600_500_000, uptimeNanoseconds: 7)),
            sequence: 7, entryID: UUID(), previousHash: entries[5].entryHash)
        let outcome = try await LedgerIngest(storage: storage).ingest(
            pathKioskID: kioskID, batch: key.signedBatch(kioskID: kioskID, previousHash: entries[5].entryHash, entries: [next]), nowUTCMilliseconds: 0)
        #expect(outcome == .accepted(LedgerAck(kioskID: kioskID, ackedSequence: 7, ackedHash: next.entryHash, stored: 1)))
    }

    @Test func aJSONEntryThatDoesNotMatchItsHashStopsTheConversion() throws {
        let directory = try TemporaryDirectory(prefix: "central-v2-bad")
        let path = directory.file("central.sqlite")
        let kioskID = "seoul-jongno-03"
        let (key, entries) = Self.chain(kioskID: kioskID)
        try Self.writeJSONLayout(path: path, kioskID: kioskID, key: key, entries: entries, alter: 4)
        #expect {
            _ = try SQLiteCentralStorage(path: path)
        } throws: { error in
            "\(error)".contains("entry 4 of kiosk seoul-jongno-03 does not match its stored hash")
        }
        // Nothing was converted or dropped: the old table is still there, whole.
        let pool = try DatabasePool(path: path)
        #expect(try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM central_entry WHERE body IS NOT NULL") } == 6)
    }

    /// A database migrated up to the first layout, with `entries` stored as JSON (`alter`: that
    /// entry's amount is changed in its JSON, so it no longer matches its hash).
    static func writeJSONLayout(path: String, kioskID: String, key: KioskSigningKey, entries: [LedgerEntry], alter: Int64? = nil) throws {
        let pool = try DatabasePool(path: path)
        try SQLiteCentralStorage.migrator.migrate(pool, upTo: "v2-config")
        let encoder = WireCoding.encoder()
        try pool.write { db in
            try db.execute(
                sql: "INSERT INTO kiosk (id, public_key, name, location, district, head_sequence, head_hash) VALUES (?, ?, 'x', 'x', 'd', ?, ?)",
                arguments: [kioskID, key.publicKey.base64, entries.last!.sequence, entries.last!.entryHash.hex])
            for entry in entries {
                var body = String(decoding: try encoder.encode(entry), as: UTF8.self)
                if entry.sequence == alter { body = body.replacingOccurrences(of: "\"amount\":200", with: "\"amount\":900") }
                try db.execute(
                    sql: """
                        INSERT INTO central_entry (kiosk_id, sequence, kind, utc_ms, document_code, copies, amount, issuance_id,
                            issuance_number, entry_hash, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        kioskID, entry.sequence, entry.record.kind.rawValue, entry.record.instant.utcMilliseconds, entry.record.documentCode,
                        entry.record.copies, entry.record.amount?.won, entry.record.issuanceID?.uuidString.lowercased(), nil as String?,
                        entry.entryHash.hex, body,
                    ])
            }
        }
        try pool.close()
    }

    @Test func aPostgreSQLTableOfTheJSONLayoutIsConverted() async throws {
        try await StorageBackend.postgres.with { storage, _ in
            let storage = try #require(storage as? PostgresCentralStorage)
            let kioskID = "seoul-jongno-04"
            let (key, entries) = Self.chain(kioskID: kioskID)
            try await storage.addKiosk(CentralKiosk(id: kioskID, publicKey: key.publicKey.base64, name: "x", location: "x", district: "d"))
            let logger = Logger(label: "test")
            try await storage.client.query("DROP TABLE central_entry", logger: logger)
            try await storage.client.query(
                """
                CREATE TABLE central_entry (
                    kiosk_id TEXT NOT NULL REFERENCES kiosk(id), sequence BIGINT NOT NULL, kind TEXT NOT NULL,
                    utc_ms BIGINT NOT NULL, document_code TEXT, copies BIGINT, amount BIGINT, issuance_id TEXT,
                    issuance_number TEXT, entry_hash TEXT NOT NULL, body TEXT NOT NULL,
                    PRIMARY KEY (kiosk_id, sequence))
                """, logger: logger)
            let encoder = WireCoding.encoder()
            for entry in entries {
                let body = String(decoding: try encoder.encode(entry), as: UTF8.self)
                try await storage.client.query(
                    """
                    INSERT INTO central_entry (kiosk_id, sequence, kind, utc_ms, document_code, copies, amount, issuance_id, entry_hash, body)
                    VALUES (\(kioskID), \(entry.sequence), \(entry.record.kind.rawValue), \(entry.record.instant.utcMilliseconds),
                        \(entry.record.documentCode), \(entry.record.copies.map(Int64.init)), \(entry.record.amount.map { Int64($0.won) }),
                        \(entry.record.issuanceID?.uuidString.lowercased()), \(entry.entryHash.hex), \(body))
                    """, logger: logger)
            }
            try await storage.migrate()
            let paid = try await storage.entries(kind: "paid", fromUTCMilliseconds: 0, toUTCMilliseconds: .max)
            let issued = try await storage.entries(kind: "issued", fromUTCMilliseconds: 0, toUTCMilliseconds: .max)
            #expect((paid + issued).sorted { $0.sequence < $1.sequence } == entries)
            #expect(try await storage.entryHashes(kioskID: kioskID, range: 6...6)[6] == entries[5].entryHash)
            try await storage.migrate()  // a second start finds the new layout and changes nothing
            #expect(try await storage.entryCount() == 6)
        }
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
