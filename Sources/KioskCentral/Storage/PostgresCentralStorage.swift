import Foundation
public import KioskCore
public import Logging
import NIOCore
import KioskSync
import PostgresNIO
public import ServiceLifecycle

/// Central storage in PostgreSQL (PostgresNIO). It is also a `Service`: its connection pool runs while
/// `run()` runs, so the server puts it in its ServiceGroup (tests run it in a task group).
public final class PostgresCentralStorage: CentralStorage, Service {
    let client: PostgresClient
    let logger: Logger

    /// A storage for the database at `host:port` (no TLS: loopback or a private network).
    public init(host: String, port: Int, username: String, password: String?, database: String, logger: Logger) {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: .disable)
        configuration.options.maximumConnections = 8
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
    }

    /// Runs the connection pool until cancelled or shut down.
    public func run() async throws {
        await withTaskCancellationOrGracefulShutdownHandler {
            await client.run()
        } onCancelOrGracefulShutdown: {}
    }

    func run<T: Sendable>(_ work: () async throws -> T) async throws(CentralStorageError) -> T {
        do {
            return try await work()
        } catch let error as CentralStorageError {
            throw error
        } catch let error as PostgresTransactionError {
            if let inner = error.closureError as? CentralStorageError { throw inner }
            throw .database(String(describing: error.closureError ?? error.commitError ?? error.beginError ?? error))
        } catch let error as PSQLError {
            throw .database(error.serverInfo?[.message] ?? String(reflecting: error))
        } catch {
            throw .database(String(describing: error))
        }
    }

    /// Creates the tables if they do not exist (call once after `run()` started).
    public func migrate() async throws(CentralStorageError) {
        try await run {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(5005)", logger: logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS kiosk (
                        id TEXT PRIMARY KEY, public_key TEXT NOT NULL, name TEXT NOT NULL, location TEXT NOT NULL,
                        district TEXT NOT NULL, tampered_reason TEXT, tampered_at_ms BIGINT,
                        head_sequence BIGINT NOT NULL DEFAULT 0, head_hash TEXT NOT NULL)
                    """, logger: logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS central_entry (
                        kiosk_id TEXT NOT NULL REFERENCES kiosk(id), sequence BIGINT NOT NULL, kind TEXT NOT NULL,
                        utc_ms BIGINT NOT NULL, document_code TEXT, copies BIGINT, amount BIGINT, issuance_id TEXT,
                        issuance_number TEXT, canonical BYTEA NOT NULL,
                        PRIMARY KEY (kiosk_id, sequence))
                    """, logger: logger)
                try await Self.convertJSONEntries(connection, logger: logger)
                try await connection.query(
                    "CREATE INDEX IF NOT EXISTS central_entry_number ON central_entry(issuance_number) WHERE issuance_number IS NOT NULL",
                    logger: logger)
                // Indexes that grow at one place per kiosk (see SQLiteCentralStorage.entryIndexesSQL); the
                // first layout's time and issuance-UUID indexes are dropped.
                try await connection.query("DROP INDEX IF EXISTS central_entry_issuance", logger: logger)
                try await connection.query("DROP INDEX IF EXISTS central_entry_time", logger: logger)
                try await connection.query(
                    "CREATE INDEX IF NOT EXISTS central_entry_kiosk_time ON central_entry(kiosk_id, utc_ms)", logger: logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS config_document (
                        scope TEXT NOT NULL, target TEXT NOT NULL, version BIGINT NOT NULL, body TEXT NOT NULL,
                        stored_ms BIGINT NOT NULL, PRIMARY KEY (scope, target, version))
                    """, logger: logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS heartbeat (
                        kiosk_id TEXT PRIMARY KEY REFERENCES kiosk(id), sent_ms BIGINT NOT NULL, received_ms BIGINT NOT NULL,
                        body TEXT NOT NULL)
                    """, logger: logger)
                try await Self.migrateIdentity(connection, logger: logger)  // issue 8
            }
        }
    }

    /// Converts a `central_entry` table of the first layout (JSON `body` and hex `entry_hash`) to the
    /// canonical bytes, inside the migration's transaction: every entry's bytes must hash to the hash
    /// it was stored with, or the migration stops and nothing changes.
    static func convertJSONEntries(_ connection: PostgresConnection, logger: Logger) async throws {
        var oldLayout = false
        for try await _ in try await connection.query(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'central_entry' AND column_name = 'body'",
            logger: logger)
        {
            oldLayout = true
        }
        guard oldLayout else { return }
        try await connection.query("ALTER TABLE central_entry ADD COLUMN canonical BYTEA", logger: logger)
        let decoder = WireCoding.decoder()
        var converted: [(String, Int64, [UInt8])] = []
        for try await (kioskID, sequence, hash, body) in try await connection.query(
            "SELECT kiosk_id, sequence, entry_hash, body FROM central_entry", logger: logger
        ).decode((String, Int64, String, String).self) {
            let entry: LedgerEntry
            do { entry = try decoder.decode(LedgerEntry.self, from: Data(body.utf8)) } catch {
                throw CentralStorageError.corrupt("entry \(sequence) of kiosk \(kioskID) is not readable JSON: \(error)")
            }
            let canonical = entry.canonicalBytes
            guard SHA256Hash.of(canonical).hex == hash, entry.sequence == sequence else {
                throw CentralStorageError.corrupt("entry \(sequence) of kiosk \(kioskID) does not match its stored hash")
            }
            converted.append((kioskID, sequence, canonical))
        }
        for (kioskID, sequence, canonical) in converted {
            try await connection.query(
                "UPDATE central_entry SET canonical = \(ByteBuffer(bytes: canonical)) WHERE kiosk_id = \(kioskID) AND sequence = \(sequence)",
                logger: logger)
        }
        try await connection.query(
            "ALTER TABLE central_entry ALTER COLUMN canonical SET NOT NULL, DROP COLUMN body, DROP COLUMN entry_hash", logger: logger)
    }

    /// See `CentralStorage.addKiosk(_:)`.
    public func addKiosk(_ kiosk: CentralKiosk) async throws(CentralStorageError) {
        let inserted = try await run { () -> Bool in
            let rows = try await client.query(
                """
                INSERT INTO kiosk (id, public_key, name, location, district, head_hash)
                VALUES (\(kiosk.id), \(kiosk.publicKey), \(kiosk.name), \(kiosk.location), \(kiosk.district), \(SHA256Hash.zero.hex))
                ON CONFLICT (id) DO NOTHING RETURNING id
                """, logger: logger)
            for try await _ in rows { return true }
            return false
        }
        guard inserted else { throw .duplicateKiosk(kiosk.id) }
    }

    private func kiosks(_ query: PostgresQuery) async throws(CentralStorageError) -> [CentralKiosk] {
        try await run {
            var out: [CentralKiosk] = []
            for try await (id, key, name, location, district, tampered) in try await client.query(query, logger: logger)
                .decode((String, String, String, String, String, String?).self)
            {
                out.append(CentralKiosk(id: id, publicKey: key, name: name, location: location, district: district, tamperedReason: tampered))
            }
            return out
        }
    }

    /// See `CentralStorage.kiosk(id:)`.
    public func kiosk(id: String) async throws(CentralStorageError) -> CentralKiosk? {
        try await kiosks("SELECT id, public_key, name, location, district, tampered_reason FROM kiosk WHERE id = \(id)").first
    }

    /// See `CentralStorage.kiosks()`.
    public func kiosks() async throws(CentralStorageError) -> [CentralKiosk] {
        try await kiosks("SELECT id, public_key, name, location, district, tampered_reason FROM kiosk ORDER BY id")
    }

    private static func head(_ connection: PostgresConnection, _ kioskID: String, logger: Logger, lock: Bool) async throws -> CentralHead {
        let query: PostgresQuery =
            lock
            ? "SELECT head_sequence, head_hash FROM kiosk WHERE id = \(kioskID) FOR UPDATE"
            : "SELECT head_sequence, head_hash FROM kiosk WHERE id = \(kioskID)"
        for try await (sequence, hex) in try await connection.query(query, logger: logger).decode((Int64, String).self) {
            guard let hash = SHA256Hash(hex: hex) else { throw CentralStorageError.corrupt("head hash of kiosk \(kioskID)") }
            return CentralHead(sequence: sequence, hash: hash)
        }
        throw CentralStorageError.unknownKiosk(kioskID)
    }

    /// See `CentralStorage.head(kioskID:)`.
    public func head(kioskID: String) async throws(CentralStorageError) -> CentralHead {
        try await run {
            try await client.withConnection { connection in try await Self.head(connection, kioskID, logger: logger, lock: false) }
        }
    }

    /// See `CentralStorage.entryHashes(kioskID:range:)`.
    public func entryHashes(kioskID: String, range: ClosedRange<Int64>) async throws(CentralStorageError) -> [Int64: SHA256Hash] {
        try await run {
            var out: [Int64: SHA256Hash] = [:]
            let rows = try await client.query(
                """
                SELECT sequence, canonical FROM central_entry
                WHERE kiosk_id = \(kioskID) AND sequence BETWEEN \(range.lowerBound) AND \(range.upperBound)
                """, logger: logger)
            for try await (sequence, canonical) in rows.decode((Int64, ByteBuffer).self) {
                out[sequence] = SHA256Hash.of(canonical.readableBytesView)
            }
            return out
        }
    }

    /// See `CentralStorage.append(kioskID:rows:expectedHead:)`: one transaction, the kiosk row locked,
    /// the rows streamed with one `COPY central_entry FROM STDIN` (text format); any failed row fails the
    /// COPY and rolls the whole batch back.
    public func append(kioskID: String, rows: [CentralEntryRow], expectedHead: Int64) async throws(CentralStorageError) {
        guard let last = rows.last else { return }
        let logger = self.logger
        try await run {
            try await client.withTransaction(logger: logger) { connection in
                let head = try await Self.head(connection, kioskID, logger: logger, lock: true)
                guard head.sequence == expectedHead else {
                    throw CentralStorageError.headMoved(expected: expectedHead, found: head.sequence)
                }
                try await Self.copy(rows, kioskID: kioskID, into: connection, logger: logger)
                try await connection.query(
                    "UPDATE kiosk SET head_sequence = \(last.sequence), head_hash = \(last.entryHash.hex) WHERE id = \(kioskID)",
                    logger: logger)
            }
        }
    }

    /// Streams `rows` of kiosk `kioskID` into `central_entry` with one COPY, in chunks of about 256 KiB.
    static func copy(_ rows: [CentralEntryRow], kioskID: String, into connection: PostgresConnection, logger: Logger) async throws {
        try await connection.copyFrom(table: "central_entry", columns: CentralEntryRow.copyColumns, logger: logger) { writer in
            var pending: [UInt8] = []
            pending.reserveCapacity(300_000)
            for row in rows {
                row.appendCopyLine(kioskID: kioskID, to: &pending)
                if pending.count >= 262_144 {
                    try await writer.write(ByteBuffer(bytes: pending))
                    pending.removeAll(keepingCapacity: true)
                }
            }
            if !pending.isEmpty { try await writer.write(ByteBuffer(bytes: pending)) }
        }
    }

    /// See `CentralStorage.flagTampered(kioskID:reason:atUTCMilliseconds:)`.
    public func flagTampered(kioskID: String, reason: String, atUTCMilliseconds: Int64) async throws(CentralStorageError) {
        _ = try await run {
            try await client.query(
                """
                UPDATE kiosk SET tampered_reason = \(reason), tampered_at_ms = \(atUTCMilliseconds)
                WHERE id = \(kioskID) AND tampered_reason IS NULL
                """, logger: logger)
        }
    }

    /// See `CentralStorage.issuanceEntries(number:)`.
    public func issuanceEntries(number: IssuanceNumber) async throws(CentralStorageError) -> [LedgerEntry] {
        let blobs: [[UInt8]] = try await run {
            var out: [[UInt8]] = []
            for try await blob in try await client.query(
                "SELECT canonical FROM central_entry WHERE issuance_number = \(number.digits) ORDER BY kiosk_id, sequence", logger: logger
            ).decode(ByteBuffer.self) {
                out.append(Array(blob.readableBytesView))
            }
            return out
        }
        return CentralEntryRow.oneIssuance(try CentralEntryRow.decode(blobs))
    }

    /// See `CentralStorage.recordHeartbeat(kioskID:sentAtUTCMilliseconds:receivedAtUTCMilliseconds:json:)`.
    public func recordHeartbeat(kioskID: String, sentAtUTCMilliseconds: Int64, receivedAtUTCMilliseconds: Int64, json: String)
        async throws(CentralStorageError)
    {
        _ = try await run {
            try await client.query(
                """
                INSERT INTO heartbeat (kiosk_id, sent_ms, received_ms, body)
                VALUES (\(kioskID), \(sentAtUTCMilliseconds), \(receivedAtUTCMilliseconds), \(json))
                ON CONFLICT (kiosk_id) DO UPDATE SET sent_ms = excluded.sent_ms, received_ms = excluded.received_ms,
                    body = excluded.body WHERE excluded.sent_ms >= heartbeat.sent_ms
                """, logger: logger)
        }
    }

    /// See `CentralStorage.heartbeats()`.
    public func heartbeats() async throws(CentralStorageError) -> [String: CentralHeartbeatRecord] {
        try await run {
            var out: [String: CentralHeartbeatRecord] = [:]
            for try await (id, sent, received, body) in try await client.query(
                "SELECT kiosk_id, sent_ms, received_ms, body FROM heartbeat", logger: logger
            ).decode((String, Int64, Int64, String).self) {
                out[id] = CentralHeartbeatRecord(sentAtUTCMilliseconds: sent, receivedAtUTCMilliseconds: received, json: body)
            }
            return out
        }
    }

    /// See `CentralStorage.dailyTotals(fromUTCMilliseconds:toUTCMilliseconds:)`.
    public func dailyTotals(fromUTCMilliseconds from: Int64, toUTCMilliseconds to: Int64) async throws(CentralStorageError) -> [CentralKindTotal] {
        try await run {
            var out: [CentralKindTotal] = []
            for try await (kiosk, code, kind, count, copies, amount) in try await client.query(
                """
                SELECT kiosk_id, document_code, kind, COUNT(*)::BIGINT, COALESCE(SUM(copies), 0)::BIGINT, COALESCE(SUM(amount), 0)::BIGINT
                FROM central_entry WHERE kiosk_id IN (SELECT id FROM kiosk) AND utc_ms >= \(from) AND utc_ms < \(to)
                  AND document_code IS NOT NULL AND kind IN ('paid', 'issued', 'failed', 'refunded', 'refund-owed')
                GROUP BY kiosk_id, document_code, kind ORDER BY kiosk_id, document_code, kind
                """, logger: logger
            ).decode((String, String, String, Int64, Int64, Int64).self) {
                out.append(CentralKindTotal(kioskID: kiosk, documentCode: code, kind: kind, count: Int(count), copies: Int(copies), amountWon: Int(amount)))
            }
            return out
        }
    }

    /// See `CentralStorage.entries(kind:fromUTCMilliseconds:toUTCMilliseconds:)`.
    public func entries(kind: String, fromUTCMilliseconds from: Int64, toUTCMilliseconds to: Int64) async throws(CentralStorageError) -> [LedgerEntry] {
        let blobs: [[UInt8]] = try await run {
            var out: [[UInt8]] = []
            for try await blob in try await client.query(
                """
                SELECT canonical FROM central_entry
                WHERE kiosk_id IN (SELECT id FROM kiosk) AND utc_ms >= \(from) AND utc_ms < \(to) AND kind = \(kind)
                ORDER BY kiosk_id, sequence
                """,
                logger: logger
            ).decode(ByteBuffer.self) {
                out.append(Array(blob.readableBytesView))
            }
            return out
        }
        return try CentralEntryRow.decode(blobs)
    }

    /// See `CentralStorage.entryCount()`.
    public func entryCount() async throws(CentralStorageError) -> Int64 {
        try await run {
            for try await count in try await client.query("SELECT COUNT(*)::BIGINT FROM central_entry", logger: logger).decode(Int64.self) {
                return count
            }
            return 0
        }
    }

    /// See `CentralStorage.putConfig(scope:target:json:atUTCMilliseconds:)`.
    public func putConfig(scope: ConfigScope, target: String, json: String, atUTCMilliseconds: Int64) async throws(CentralStorageError) -> Int {
        let logger = self.logger
        return try await run {
            try await client.withTransaction(logger: logger) { connection in
                // One writer per document at a time: versions stay 1, 2, 3 … without gaps or clashes.
                try await connection.query("SELECT pg_advisory_xact_lock(5006)", logger: logger)
                var last: Int64 = 0
                for try await value in try await connection.query(
                    "SELECT COALESCE(MAX(version), 0)::BIGINT FROM config_document WHERE scope = \(scope.rawValue) AND target = \(target)",
                    logger: logger
                ).decode(Int64.self) {
                    last = value
                }
                try await connection.query(
                    """
                    INSERT INTO config_document (scope, target, version, body, stored_ms)
                    VALUES (\(scope.rawValue), \(target), \(last + 1), \(json), \(atUTCMilliseconds))
                    """, logger: logger)
                return Int(last + 1)
            }
        }
    }

    /// See `CentralStorage.latestConfig(scope:target:)`.
    public func latestConfig(scope: ConfigScope, target: String) async throws(CentralStorageError) -> StoredConfig? {
        try await run {
            for try await (version, body, stored) in try await client.query(
                """
                SELECT version, body, stored_ms FROM config_document WHERE scope = \(scope.rawValue) AND target = \(target)
                ORDER BY version DESC LIMIT 1
                """, logger: logger
            ).decode((Int64, String, Int64).self) {
                return StoredConfig(scope: scope, target: target, version: Int(version), json: body, storedAtUTCMilliseconds: stored)
            }
            return nil
        }
    }
}
