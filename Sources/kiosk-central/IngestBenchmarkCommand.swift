import ArgumentParser
import Foundation
import GRDB
import KioskCentral
import KioskCore
import KioskSync

/// `kiosk-central bench-ingest` (hidden; `kiosk-bench central` runs it): central ingest throughput for
/// many kiosks catching up at once, each pushing its backlog in signed batches through `LedgerIngest`
/// (signature check, hash-chain check, atomic store) into the SQLite backend, 8 kiosks at a time; beside
/// it, in the same run, the raw baseline: the same rows (pre-encoded) inserted in one SQLite transaction
/// with a prepared statement. Prints one `bench` line.
struct IngestBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-ingest", abstract: "Measure ingest throughput (for kiosk-bench).", shouldDisplay: false)

    @Option(name: .long, help: "Simulated kiosks.") var kiosks = 100
    @Option(name: .long, help: "Entries each kiosk catches up.") var entries = 1_000
    @Option(name: .long, help: "Entries per batch.") var batch = 1_000
    @Option(name: .long, help: "Folder for the database files (a real disk).") var directory = NSTemporaryDirectory()

    func run() async throws {
        let (ingest, raw) = try await Self.measure(kiosks: kiosks, perKiosk: entries, batchSize: batch, directory: directory)
        let ratio = String(format: "%.3f", ingest / raw)
        print("bench central_ingest_sqlite_\(kiosks)x\(entries): \(String(format: "%.0f", ingest)) entries/s baseline=\(String(format: "%.0f", raw)) ratio=\(ratio)")
    }

    static func measure(kiosks: Int, perKiosk: Int, batchSize: Int, directory: String) async throws -> (ingest: Double, raw: Double) {
        let root = URL(fileURLWithPath: directory)
            .appendingPathComponent("kiosk-bench-central-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }

        // The kiosks' backlogs, signed batches ready to push (not timed).
        var backlogs: [(String, KioskSigningKey, [LedgerBatch])] = []
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
        let total = kiosks * perKiosk

        // kiosk-central's ingest over SQLite.
        let storage = try SQLiteCentralStorage(path: root.appendingPathComponent("central.sqlite").path)
        for (id, key, _) in backlogs {
            try await storage.addKiosk(CentralKiosk(id: id, publicKey: key.publicKey.base64, name: id, location: "", district: "bench"))
        }
        let ingest = LedgerIngest(storage: storage)
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func pushAll(_ backlog: (String, KioskSigningKey, [LedgerBatch])) async throws {
                for batch in backlog.2 {
                    guard case .accepted = try await ingest.ingest(pathKioskID: backlog.0, batch: batch, nowUTCMilliseconds: 0) else {
                        throw CentralStorageError.database("bench batch refused")
                    }
                }
            }
            while next < min(8, backlogs.count) {
                let backlog = backlogs[next]
                group.addTask { try await pushAll(backlog) }
                next += 1
            }
            while try await group.next() != nil, next < backlogs.count {
                let backlog = backlogs[next]
                group.addTask { try await pushAll(backlog) }
                next += 1
            }
            try await group.waitForAll()
        }
        let ingestSeconds = Self.seconds(clock.now - start)
        guard try await storage.entryCount() == Int64(total) else { throw CentralStorageError.corrupt("bench stored the wrong count") }

        // Raw baseline: the same rows, pre-encoded, in one transaction.
        let encoder = WireCoding.encoder()
        var rows: [[DatabaseValue]] = []
        rows.reserveCapacity(total)
        for (id, _, batches) in backlogs {
            for entry in batches.flatMap(\.entries) {
                let values: [(any DatabaseValueConvertible)?] = [
                    id, entry.sequence, entry.record.kind.rawValue, entry.record.instant.utcMilliseconds, entry.record.documentCode,
                    entry.record.copies, entry.record.amount?.won, entry.record.issuanceID?.uuidString.lowercased(), nil as String?,
                    entry.entryHash.hex, String(decoding: try encoder.encode(entry), as: UTF8.self),
                ]
                rows.append(values.map { $0?.databaseValue ?? .null })
            }
        }
        let raw = try DatabasePool(path: root.appendingPathComponent("raw.sqlite").path)
        try await raw.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try await raw.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE central_entry (
                        kiosk_id TEXT NOT NULL, sequence INTEGER NOT NULL, kind TEXT NOT NULL, utc_ms INTEGER NOT NULL,
                        document_code TEXT, copies INTEGER, amount INTEGER, issuance_id TEXT, issuance_number TEXT,
                        entry_hash TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kiosk_id, sequence)) WITHOUT ROWID;
                    CREATE INDEX central_entry_number ON central_entry(issuance_number) WHERE issuance_number IS NOT NULL;
                    CREATE INDEX central_entry_issuance ON central_entry(kiosk_id, issuance_id) WHERE issuance_id IS NOT NULL;
                    CREATE INDEX central_entry_time ON central_entry(utc_ms);
                    """)
        }
        let rawStart = clock.now
        try await raw.write { [rows] db in
            let statement = try db.makeStatement(sql: "INSERT INTO central_entry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for row in rows { try statement.execute(arguments: StatementArguments(row)) }
        }
        let rawSeconds = Self.seconds(clock.now - rawStart)
        try raw.close()

        return (Double(total) / ingestSeconds, Double(total) / rawSeconds)
    }


    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
