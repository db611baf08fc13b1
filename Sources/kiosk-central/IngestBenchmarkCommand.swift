import ArgumentParser
import Foundation
import GRDB
import KioskCentral
import KioskCore
import KioskSync
import Logging
import NIOCore
import PostgresNIO

/// `kiosk-central bench-ingest` (hidden; `kiosk-bench central` runs it): central ingest throughput for
/// many kiosks catching up at once, each pushing its backlog in signed batches through `LedgerIngest`
/// (signature check, hash-chain check, atomic store), 8 kiosks at a time, into SQLite and into
/// PostgreSQL. Beside each, in the same run, the raw baseline: the same rows (pre-encoded) inserted in
/// one SQLite transaction with a prepared statement, and sent with one PostgreSQL `COPY`. PostgreSQL is
/// measured only against the server in `--postgres`; without it stderr says so and only the SQLite line
/// is printed. Prints one `bench` line per backend.
struct IngestBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-ingest", abstract: "Measure ingest throughput (for kiosk-bench).", shouldDisplay: false)

    @Option(name: .long, help: "Simulated kiosks.") var kiosks = 100
    @Option(name: .long, help: "Entries each kiosk catches up.") var entries = 1_000
    @Option(name: .long, help: "Entries per batch (2,000: the largest a catching-up kiosk sends, SyncBatchSizer's maximum).") var batch = 2_000
    @Option(name: .long, help: "Folder for the database files (a real disk).") var directory = NSTemporaryDirectory()
    @Option(name: .long, help: "PostgreSQL to measure, postgres://USER@HOST:PORT/DATABASE (a user allowed to create databases: each run creates a scratch database there and drops it).")
    var postgres: String?
    @Flag(name: .long, help: "Skip the PostgreSQL measurement.") var noPostgres = false

    func run() async throws {
        let backlogs = Self.backlogs(kiosks: kiosks, perKiosk: entries, batchSize: batch)
        let (ingest, raw) = try await Self.measure(backlogs: backlogs, directory: directory)
        print(Self.line("central_ingest_sqlite_\(kiosks)x\(entries)", ingest, raw))
        guard !noPostgres else { return }
        if let postgres {
            var options = StorageOptions()
            options.postgres = postgres
            guard let settings = try options.postgresSettings() else { return }
            let (pgIngest, pgRaw) = try await Self.measurePostgres(backlogs: backlogs, settings: settings)
            print(Self.line("central_ingest_postgres_\(kiosks)x\(entries)", pgIngest, pgRaw))
        } else {
            FileHandle.standardError.write(Data("bench-ingest: no --postgres was given; no PostgreSQL figure\n".utf8))
        }
    }

    static func line(_ name: String, _ value: Double, _ baseline: Double) -> String {
        "bench \(name): \(String(format: "%.0f", value)) entries/s baseline=\(String(format: "%.0f", baseline)) ratio=\(String(format: "%.3f", value / baseline))"
    }

    typealias Backlog = (id: String, key: KioskSigningKey, batches: [LedgerBatch])

    /// The kiosks' backlogs, signed batches ready to push.
    static func backlogs(kiosks: Int, perKiosk: Int, batchSize: Int) -> [Backlog] {
        var backlogs: [Backlog] = []
        for index in 0..<kiosks {
            let id = String(format: "bench-%04d", index)
            let key = KioskSigningKey()
            var entries: [LedgerEntry] = []
            entries.reserveCapacity(perKiosk)
            for sequence in 1...Int64(perKiosk) {
                let record = LedgerRecord(
                    kind: sequence % 3 == 1 ? .paid : (sequence % 3 == 2 ? .printing : .issued), kioskID: id,
                    instant: LedgerInstant(utcMilliseconds: 1_763_600_400_000 + sequence * 1000, uptimeNanoseconds: sequence),
                    issuanceID: UUID(), documentCode: "RESIDENT-COPY", copies: 1, amount: Money(won: 200))
                entries.append(LedgerEntry(sealing: record, sequence: sequence, entryID: UUID(), previousHash: entries.last?.entryHash ?? .zero))
            }
            let batches = stride(from: 0, to: entries.count, by: batchSize).map { start in
                let slice = Array(entries[start..<min(start + batchSize, entries.count)])
                return key.signedBatch(kioskID: id, previousHash: slice[0].previousHash, entries: slice)
            }
            backlogs.append((id, key, batches))
        }
        return backlogs
    }

    /// Pushes every backlog through `ingest`, 8 kiosks at a time; answers the seconds taken.
    static func pushAll(_ backlogs: [Backlog], into storage: any CentralStorage) async throws -> Double {
        for backlog in backlogs {
            try await storage.addKiosk(CentralKiosk(id: backlog.id, publicKey: backlog.key.publicKey.base64, name: backlog.id, location: "", district: "bench"))
        }
        let ingest = LedgerIngest(storage: storage)
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            @Sendable func push(_ backlog: Backlog) async throws {
                for batch in backlog.batches {
                    guard case .accepted = try await ingest.ingest(pathKioskID: backlog.id, batch: batch, nowUTCMilliseconds: 0) else {
                        throw CentralStorageError.database("bench batch refused")
                    }
                }
            }
            while next < min(8, backlogs.count) {
                let backlog = backlogs[next]
                group.addTask { try await push(backlog) }
                next += 1
            }
            while try await group.next() != nil, next < backlogs.count {
                let backlog = backlogs[next]
                group.addTask { try await push(backlog) }
                next += 1
            }
            try await group.waitForAll()
        }
        let seconds = Self.seconds(clock.now - start)
        let total = backlogs.reduce(0) { $0 + $1.batches.reduce(0) { $0 + $1.entries.count } }
        guard try await storage.entryCount() == Int64(total) else { throw CentralStorageError.corrupt("bench stored the wrong count") }
        return seconds
    }

    static func measure(backlogs: [Backlog], directory: String) async throws -> (ingest: Double, raw: Double) {
        let root = URL(fileURLWithPath: directory)
            .appendingPathComponent("kiosk-bench-central-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let total = backlogs.reduce(0) { $0 + $1.batches.reduce(0) { $0 + $1.entries.count } }
        let clock = ContinuousClock()

        // kiosk-central's ingest over SQLite.
        let storage = try SQLiteCentralStorage(path: root.appendingPathComponent("central.sqlite").path)
        let ingestSeconds = try await pushAll(backlogs, into: storage)

        // Raw baseline: the same rows (canonical bytes and columns computed before the clock starts) into
        // the same schema (a fresh central database with the same kiosks), one transaction, one prepared
        // statement, no checks.
        var rows: [StatementArguments] = []
        rows.reserveCapacity(total)
        for (id, _, batches) in backlogs {
            for entry in batches.flatMap(\.entries) {
                let row = CentralEntryRow(entry)
                rows.append([
                    id, row.sequence, row.kind, row.utcMilliseconds, row.documentCode, row.copies, row.amount, row.issuanceID,
                    row.issuanceNumber, Data(row.canonical),
                ])
            }
        }
        let rawPath = root.appendingPathComponent("raw.sqlite").path
        let rawStorage = try SQLiteCentralStorage(path: rawPath)
        for backlog in backlogs {
            try await rawStorage.addKiosk(CentralKiosk(id: backlog.id, publicKey: backlog.key.publicKey.base64, name: backlog.id, location: "", district: "bench"))
        }
        let raw = try DatabasePool(path: rawPath)
        try await raw.writeWithoutTransaction { db in try db.execute(sql: SQLiteCentralStorage.writerPragmas) }
        let rawStart = clock.now
        try await raw.write { [rows] db in
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO central_entry (kiosk_id, sequence, kind, utc_ms, document_code, copies, amount, issuance_id,
                        issuance_number, canonical) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for row in rows {
                statement.setUncheckedArguments(row)
                try statement.execute()
            }
        }
        let rawSeconds = Self.seconds(clock.now - rawStart)
        try raw.close()

        return (Double(total) / ingestSeconds, Double(total) / rawSeconds)
    }

    /// The same over PostgreSQL: ingest through `PostgresCentralStorage`, then the raw baseline: the same
    /// rows, pre-encoded as COPY text, sent with one `COPY` into a table shaped like `central_entry`.
    static func measurePostgres(backlogs: [Backlog], settings given: PostgresSettings) async throws -> (ingest: Double, raw: Double) {
        var logger = Logger(label: "kiosk-central.bench")
        logger.logLevel = .error  // PostgresNIO warns when a query races the pool's start; it waits, and the figures are unaffected
        // A fresh database on the given server for each run, dropped afterwards.
        let admin = PostgresClient(
            configuration: .init(
                host: given.host, port: given.port, username: given.user, password: given.password, database: given.database, tls: .disable),
            backgroundLogger: logger)
        let scratch = "kiosk_bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        var settings = given
        settings.database = scratch
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await admin.run() }
            defer { group.cancelAll() }
            try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(scratch)"), logger: logger)
            do {
                let figures = try await measurePostgres(backlogs: backlogs, fresh: settings, logger: logger)
                try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE \(scratch)"), logger: logger)
                return figures
            } catch {
                _ = try? await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(scratch)"), logger: logger)
                throw error
            }
        }
    }

    static func measurePostgres(backlogs: [Backlog], fresh settings: PostgresSettings, logger: Logger) async throws -> (ingest: Double, raw: Double) {
        let storage = PostgresCentralStorage(
            host: settings.host, port: settings.port, username: settings.user, password: settings.password, database: settings.database,
            logger: logger)
        let total = backlogs.reduce(0) { $0 + $1.batches.reduce(0) { $0 + $1.entries.count } }
        let ingestSeconds: Double = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await storage.run() }
            defer { group.cancelAll() }
            try await storage.migrate()
            return try await pushAll(backlogs, into: storage)
        }

        // Raw baseline: every row as COPY text (the same text the storage streams), prepared before the
        // clock starts.
        var text: [UInt8] = []
        for (id, _, batches) in backlogs {
            for entry in batches.flatMap(\.entries) { CentralEntryRow(entry).appendCopyLine(kioskID: id, to: &text) }
        }
        let client = PostgresClient(
            configuration: .init(
                host: settings.host, port: settings.port, username: settings.user, password: settings.password,
                database: settings.database, tls: .disable),
            backgroundLogger: logger)
        let rawSeconds: Double = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await client.query("DROP TABLE IF EXISTS bench_raw_entry", logger: logger)
            try await client.query("CREATE TABLE bench_raw_entry (LIKE central_entry INCLUDING ALL)", logger: logger)
            let clock = ContinuousClock()
            let start = clock.now
            try await client.withTransaction(logger: logger) { [text] connection in
                try await connection.copyFrom(
                    table: "bench_raw_entry", columns: CentralEntryRow.copyColumns, logger: logger
                ) { writer in
                    var offset = 0
                    while offset < text.count {
                        let end = min(offset + 262_144, text.count)
                        try await writer.write(ByteBuffer(bytes: text[offset..<end]))
                        offset = end
                    }
                }
            }
            let seconds = Self.seconds(clock.now - start)
            var copied: Int64 = 0
            for try await count in try await client.query("SELECT COUNT(*)::BIGINT FROM bench_raw_entry", logger: logger).decode(Int64.self) {
                copied = count
            }
            guard copied == Int64(total) else { throw CentralStorageError.corrupt("the raw COPY stored \(copied) rows, not \(total)") }
            try await client.query("DROP TABLE bench_raw_entry", logger: logger)
            return seconds
        }
        return (Double(total) / ingestSeconds, Double(total) / rawSeconds)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
