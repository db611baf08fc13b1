import Foundation
import GRDB
public import KioskCore
import KioskSync

/// Central storage in one SQLite file (GRDB, WAL, `synchronous=FULL`). The default backend.
public final class SQLiteCentralStorage: CentralStorage {
    private let pool: DatabasePool
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// - Throws: `CentralStorageError.database` naming the file if it cannot be opened or migrated.
    public init(path: String) throws(CentralStorageError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "kiosk.central"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.writeWithoutTransaction { db in try db.execute(sql: Self.writerPragmas) }
            try Self.migrator.migrate(pool)
        } catch {
            throw .database("\(path): \(error)")
        }
    }

    /// The secondary indexes of `central_entry`. Each grows at one place per kiosk while that kiosk's
    /// entries arrive (its sequence, its issuance numbers and its clock all increase), so a batch touches a
    /// few pages at the end of each index instead of one page per entry. An index on the time alone, or
    /// on random issuance UUIDs, put every entry of a batch on a different page once the table held
    /// millions of entries from kiosks covering the same days, and each commit rewrote thousands of pages.
    /// Reports by time therefore walk the kiosks (`kiosk CROSS JOIN central_entry`), and verification
    /// finds an issuance by its number, which all of its entries from the print on carry.
    static let entryIndexesSQL = """
        CREATE INDEX central_entry_number ON central_entry(issuance_number) WHERE issuance_number IS NOT NULL;
        CREATE INDEX central_entry_kiosk_time ON central_entry(kiosk_id, utc_ms);
        """

    /// The writer connection's settings: every commit reaches the disk (`synchronous = FULL`), and a
    /// page cache of 256 MiB keeps the upper levels of the entry table and its indexes in memory while
    /// thousands of kiosks catch up (SQLite's default of 2 MiB re-reads them from the file on every
    /// insert once the table holds millions of entries).
    public static let writerPragmas = "PRAGMA synchronous = FULL; PRAGMA cache_size = -262144"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-central") { db in
            try db.execute(
                sql: """
                    CREATE TABLE kiosk (
                        id TEXT PRIMARY KEY, public_key TEXT NOT NULL, name TEXT NOT NULL, location TEXT NOT NULL,
                        district TEXT NOT NULL, tampered_reason TEXT, tampered_at_ms INTEGER,
                        head_sequence INTEGER NOT NULL DEFAULT 0, head_hash TEXT NOT NULL
                    );
                    CREATE TABLE central_entry (
                        kiosk_id TEXT NOT NULL REFERENCES kiosk(id), sequence INTEGER NOT NULL,
                        kind TEXT NOT NULL, utc_ms INTEGER NOT NULL, document_code TEXT, copies INTEGER,
                        amount INTEGER, issuance_id TEXT, issuance_number TEXT, entry_hash TEXT NOT NULL,
                        body TEXT NOT NULL,
                        PRIMARY KEY (kiosk_id, sequence)
                    ) WITHOUT ROWID;
                    CREATE INDEX central_entry_number ON central_entry(issuance_number) WHERE issuance_number IS NOT NULL;
                    CREATE INDEX central_entry_issuance ON central_entry(kiosk_id, issuance_id) WHERE issuance_id IS NOT NULL;
                    CREATE INDEX central_entry_time ON central_entry(utc_ms);
                    CREATE TABLE heartbeat (
                        kiosk_id TEXT PRIMARY KEY REFERENCES kiosk(id), sent_ms INTEGER NOT NULL,
                        received_ms INTEGER NOT NULL, body TEXT NOT NULL
                    );
                    """)
        }
        registerIdentityMigrations(&migrator)  // issue 8
        migrator.registerMigration("v2-config") { db in
            try db.execute(
                sql: """
                    CREATE TABLE config_document (
                        scope TEXT NOT NULL, target TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL,
                        stored_ms INTEGER NOT NULL, PRIMARY KEY (scope, target, version)
                    ) WITHOUT ROWID;
                    """)
        }
        // Entries are kept as their canonical bytes (the bytes their hash covers) instead of JSON text
        // plus a hex hash: a third of the size and no JSON encoding on ingest. Every stored entry is
        // converted, and its bytes must hash to the hash it was stored with, or the migration stops.
        // The indexes change too (see `entryIndexesSQL`).
        migrator.registerMigration("v3-canonical-entries") { db in
            try db.execute(
                sql: """
                    CREATE TABLE central_entry_v3 (
                        kiosk_id TEXT NOT NULL REFERENCES kiosk(id), sequence INTEGER NOT NULL,
                        kind TEXT NOT NULL, utc_ms INTEGER NOT NULL, document_code TEXT, copies INTEGER,
                        amount INTEGER, issuance_id TEXT, issuance_number TEXT, canonical BLOB NOT NULL,
                        PRIMARY KEY (kiosk_id, sequence)
                    ) WITHOUT ROWID;
                    """)
            let decoder = WireCoding.decoder()
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO central_entry_v3 (kiosk_id, sequence, kind, utc_ms, document_code, copies, amount,
                        issuance_id, issuance_number, canonical) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let rows = try Row.fetchCursor(db, sql: "SELECT kiosk_id, sequence, entry_hash, body FROM central_entry ORDER BY kiosk_id, sequence")
            while let row = try rows.next() {
                let kioskID: String = row[0]
                let sequence: Int64 = row[1]
                let entry: LedgerEntry
                do { entry = try decoder.decode(LedgerEntry.self, from: Data((row[3] as String).utf8)) } catch {
                    throw CentralStorageError.corrupt("entry \(sequence) of kiosk \(kioskID) is not readable JSON: \(error)")
                }
                let stored = CentralEntryRow(entry, canonical: entry.canonicalBytes)
                guard SHA256Hash.of(stored.canonical).hex == (row[2] as String), stored.sequence == sequence else {
                    throw CentralStorageError.corrupt("entry \(sequence) of kiosk \(kioskID) does not match its stored hash")
                }
                try insert.execute(arguments: stored.arguments(kioskID: kioskID))
            }
            try db.execute(
                sql: """
                    DROP TABLE central_entry;
                    ALTER TABLE central_entry_v3 RENAME TO central_entry;
                    \(Self.entryIndexesSQL)
                    """)
        }
        return migrator
    }

    func run<T: Sendable>(_ work: @Sendable @escaping (Database) throws -> T, write: Bool = false) async throws(CentralStorageError) -> T {
        do {
            return write ? try await pool.write(work) : try await pool.read(work)
        } catch let error as CentralStorageError {
            throw error
        } catch {
            throw .database(String(describing: error))
        }
    }

    /// See `CentralStorage.addKiosk(_:)`.
    public func addKiosk(_ kiosk: CentralKiosk) async throws(CentralStorageError) {
        try await run({ db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM kiosk WHERE id = ?", arguments: [kiosk.id]) == true {
                throw CentralStorageError.duplicateKiosk(kiosk.id)
            }
            try db.execute(
                sql: "INSERT INTO kiosk (id, public_key, name, location, district, head_hash) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [kiosk.id, kiosk.publicKey, kiosk.name, kiosk.location, kiosk.district, SHA256Hash.zero.hex])
        }, write: true)
    }

    /// See `CentralStorage.kiosk(id:)`.
    public func kiosk(id: String) async throws(CentralStorageError) -> CentralKiosk? {
        try await run { db in
            try Row.fetchOne(db, sql: "SELECT id, public_key, name, location, district, tampered_reason FROM kiosk WHERE id = ?", arguments: [id])
                .map(Self.kiosk(from:))
        }
    }

    /// See `CentralStorage.kiosks()`.
    public func kiosks() async throws(CentralStorageError) -> [CentralKiosk] {
        try await run { db in
            try Row.fetchAll(db, sql: "SELECT id, public_key, name, location, district, tampered_reason FROM kiosk ORDER BY id")
                .map(Self.kiosk(from:))
        }
    }

    private static func kiosk(from row: Row) -> CentralKiosk {
        CentralKiosk(id: row[0], publicKey: row[1], name: row[2], location: row[3], district: row[4], tamperedReason: row[5])
    }

    /// See `CentralStorage.head(kioskID:)`.
    public func head(kioskID: String) async throws(CentralStorageError) -> CentralHead {
        try await run { db in try Self.head(db, kioskID) }
    }

    private static func head(_ db: Database, _ kioskID: String) throws -> CentralHead {
        guard let row = try Row.fetchOne(db, sql: "SELECT head_sequence, head_hash FROM kiosk WHERE id = ?", arguments: [kioskID]) else {
            throw CentralStorageError.unknownKiosk(kioskID)
        }
        guard let hash = SHA256Hash(hex: row[1]) else { throw CentralStorageError.corrupt("head hash of kiosk \(kioskID)") }
        return CentralHead(sequence: row[0], hash: hash)
    }

    /// See `CentralStorage.entryHashes(kioskID:range:)`.
    public func entryHashes(kioskID: String, range: ClosedRange<Int64>) async throws(CentralStorageError) -> [Int64: SHA256Hash] {
        try await run { db in
            var out: [Int64: SHA256Hash] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT sequence, canonical FROM central_entry WHERE kiosk_id = ? AND sequence BETWEEN ? AND ?",
                arguments: [kioskID, range.lowerBound, range.upperBound])
            while let row = try rows.next() {
                let canonical: Data = row[1]
                out[row[0]] = SHA256Hash.of(canonical)
            }
            return out
        }
    }

    /// See `CentralStorage.append(kioskID:rows:expectedHead:)`.
    public func append(kioskID: String, rows: [CentralEntryRow], expectedHead: Int64) async throws(CentralStorageError) {
        guard let last = rows.last else { return }
        // The values are bound here, on the caller's thread, so the single writer only inserts.
        let arguments = rows.map { $0.arguments(kioskID: kioskID) }
        try await run({ db in
            let head = try Self.head(db, kioskID)
            guard head.sequence == expectedHead else {
                throw CentralStorageError.headMoved(expected: expectedHead, found: head.sequence)
            }
            let statement = try db.cachedStatement(sql: Self.insertEntrySQL)
            for values in arguments {
                statement.setUncheckedArguments(values)
                try statement.execute()
            }
            try db.execute(
                sql: "UPDATE kiosk SET head_sequence = ?, head_hash = ? WHERE id = ?",
                arguments: [last.sequence, last.entryHash.hex, kioskID])
        }, write: true)
    }

    static let insertEntrySQL = """
        INSERT INTO central_entry (kiosk_id, sequence, kind, utc_ms, document_code, copies, amount, issuance_id,
            issuance_number, canonical) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// See `CentralStorage.flagTampered(kioskID:reason:atUTCMilliseconds:)`.
    public func flagTampered(kioskID: String, reason: String, atUTCMilliseconds: Int64) async throws(CentralStorageError) {
        try await run({ db in
            try db.execute(
                sql: "UPDATE kiosk SET tampered_reason = ?, tampered_at_ms = ? WHERE id = ? AND tampered_reason IS NULL",
                arguments: [reason, atUTCMilliseconds, kioskID])
        }, write: true)
    }

    /// See `CentralStorage.issuanceEntries(number:)`.
    public func issuanceEntries(number: IssuanceNumber) async throws(CentralStorageError) -> [LedgerEntry] {
        let blobs: [Data] = try await run { db in
            try Data.fetchAll(
                db, sql: "SELECT canonical FROM central_entry WHERE issuance_number = ? ORDER BY kiosk_id, sequence",
                arguments: [number.digits])
        }
        return CentralEntryRow.oneIssuance(try CentralEntryRow.decode(blobs.map(Array.init)))
    }

    /// See `CentralStorage.recordHeartbeat(kioskID:sentAtUTCMilliseconds:receivedAtUTCMilliseconds:json:)`.
    public func recordHeartbeat(kioskID: String, sentAtUTCMilliseconds: Int64, receivedAtUTCMilliseconds: Int64, json: String)
        async throws(CentralStorageError)
    {
        try await run({ db in
            try db.execute(
                sql: """
                    INSERT INTO heartbeat (kiosk_id, sent_ms, received_ms, body) VALUES (?, ?, ?, ?)
                    ON CONFLICT (kiosk_id) DO UPDATE SET sent_ms = excluded.sent_ms, received_ms = excluded.received_ms,
                        body = excluded.body WHERE excluded.sent_ms >= heartbeat.sent_ms
                    """, arguments: [kioskID, sentAtUTCMilliseconds, receivedAtUTCMilliseconds, json])
        }, write: true)
    }

    /// See `CentralStorage.heartbeats()`.
    public func heartbeats() async throws(CentralStorageError) -> [String: CentralHeartbeatRecord] {
        try await run { db in
            var out: [String: CentralHeartbeatRecord] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kiosk_id, sent_ms, received_ms, body FROM heartbeat") {
                out[row[0]] = CentralHeartbeatRecord(sentAtUTCMilliseconds: row[1], receivedAtUTCMilliseconds: row[2], json: row[3])
            }
            return out
        }
    }

    /// Totals per kiosk, document and kind in a time range: kiosk by kiosk through
    /// `central_entry_kiosk_time` (the tests check the plan).
    static let dailyTotalsSQL = """
        SELECT e.kiosk_id, e.document_code, e.kind, COUNT(*), IFNULL(SUM(e.copies), 0), IFNULL(SUM(e.amount), 0)
        FROM kiosk k CROSS JOIN central_entry e ON e.kiosk_id = k.id
        WHERE e.utc_ms >= ? AND e.utc_ms < ? AND e.document_code IS NOT NULL
          AND e.kind IN ('paid', 'issued', 'failed', 'refunded', 'refund-owed')
        GROUP BY e.kiosk_id, e.document_code, e.kind ORDER BY e.kiosk_id, e.document_code, e.kind
        """

    /// The entries of one kind in a time range, kiosk by kiosk like `dailyTotalsSQL`.
    static let entriesOfKindSQL = """
        SELECT e.canonical FROM kiosk k CROSS JOIN central_entry e ON e.kiosk_id = k.id
        WHERE e.utc_ms >= ? AND e.utc_ms < ? AND e.kind = ? ORDER BY e.kiosk_id, e.sequence
        """

    /// See `CentralStorage.dailyTotals(fromUTCMilliseconds:toUTCMilliseconds:)`.
    public func dailyTotals(fromUTCMilliseconds from: Int64, toUTCMilliseconds to: Int64) async throws(CentralStorageError) -> [CentralKindTotal] {
        try await run { db in
            try Row.fetchAll(
                db,
                sql: Self.dailyTotalsSQL, arguments: [from, to]
            ).map { row in
                CentralKindTotal(kioskID: row[0], documentCode: row[1], kind: row[2], count: row[3], copies: row[4], amountWon: row[5])
            }
        }
    }

    /// See `CentralStorage.entries(kind:fromUTCMilliseconds:toUTCMilliseconds:)`.
    public func entries(kind: String, fromUTCMilliseconds from: Int64, toUTCMilliseconds to: Int64) async throws(CentralStorageError) -> [LedgerEntry] {
        let blobs: [Data] = try await run { db in
            try Data.fetchAll(
                db, sql: Self.entriesOfKindSQL, arguments: [from, to, kind])
        }
        return try CentralEntryRow.decode(blobs.map(Array.init))
    }

    /// See `CentralStorage.entryCount()`.
    public func entryCount() async throws(CentralStorageError) -> Int64 {
        try await run { db in try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM central_entry") ?? 0 }
    }

    /// See `CentralStorage.putConfig(scope:target:json:atUTCMilliseconds:)`.
    public func putConfig(scope: ConfigScope, target: String, json: String, atUTCMilliseconds: Int64) async throws(CentralStorageError) -> Int {
        try await run({ db in
            let last = try Int.fetchOne(
                db, sql: "SELECT MAX(version) FROM config_document WHERE scope = ? AND target = ?", arguments: [scope.rawValue, target]) ?? 0
            try db.execute(
                sql: "INSERT INTO config_document (scope, target, version, body, stored_ms) VALUES (?, ?, ?, ?, ?)",
                arguments: [scope.rawValue, target, last + 1, json, atUTCMilliseconds])
            return last + 1
        }, write: true)
    }

    /// See `CentralStorage.latestConfig(scope:target:)`.
    public func latestConfig(scope: ConfigScope, target: String) async throws(CentralStorageError) -> StoredConfig? {
        try await run { db in
            try Row.fetchOne(
                db, sql: "SELECT version, body, stored_ms FROM config_document WHERE scope = ? AND target = ? ORDER BY version DESC LIMIT 1",
                arguments: [scope.rawValue, target]
            ).map { StoredConfig(scope: scope, target: target, version: $0[0], json: $0[1], storedAtUTCMilliseconds: $0[2]) }
        }
    }
}

extension CentralEntryRow {
    /// The row's values in `SQLiteCentralStorage.insertEntrySQL` order.
    func arguments(kioskID: String) -> StatementArguments {
        [kioskID, sequence, kind, utcMilliseconds, documentCode, copies, amount, issuanceID, issuanceNumber, Data(canonical)]
    }
}
