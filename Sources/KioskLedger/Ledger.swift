import Dispatch
import Foundation
import GRDB
public import KioskCore

/// The kiosk's append-only, hash-chained ledger in one SQLite file (WAL, `synchronous=FULL`,
/// `foreign_keys=ON`).
///
/// Rules the owner must keep: open each file **once** per process and keep the `Ledger` for the process
/// lifetime (one `DatabasePool` per file); only one process appends (kioskd), others may read.
///
/// Guarantees: `append` returns only after the entries are durable (the WAL commit is fsynced); sequence
/// numbers are gapless and monotonic (enforced by a trigger too); `UPDATE` and `DELETE` on entries are
/// refused by triggers; every entry carries the SHA-256 chain. Failures surface as `LedgerError`; a failed
/// append writes nothing and loses nothing already written.
///
/// Blocking SQLite work runs on GRDB's own dispatch queues; the async methods suspend, they never block
/// the cooperative pool.
public final class Ledger: Sendable {
    /// How to open the ledger.
    public struct Configuration: Sendable, Hashable {
        /// Open for reading only (kioskctl's offline commands); `append` then fails with `readOnly`.
        public var readOnly: Bool
        /// A size limit in SQLite pages (`PRAGMA max_page_count` on the writer); `nil` for none.
        /// Reaching it behaves like a full disk.
        public var maximumPageCount: Int?

        /// The default: read-write, no size limit.
        public init(readOnly: Bool = false, maximumPageCount: Int? = nil) {
            self.readOnly = readOnly
            self.maximumPageCount = maximumPageCount
        }
    }

    /// The file's path.
    public let path: String
    /// How it was opened.
    public let configuration: Configuration
    let pool: DatabasePool

    /// Opens (creating if needed, unless read-only) the ledger at `path` and brings its schema up to date.
    /// Blocks the calling thread for the open; from async code prefer `Ledger.open(at:configuration:)`.
    /// - Throws: `LedgerError.cannotOpen`, `.corrupt` (not a ledger, damaged file), `.readOnly`, `.diskFull`.
    public init(path: String, configuration: Configuration = Configuration()) throws(LedgerError) {
        self.path = path
        self.configuration = configuration
        var grdb = GRDB.Configuration()
        grdb.readonly = configuration.readOnly
        grdb.foreignKeysEnabled = true
        grdb.busyMode = .timeout(5)
        grdb.label = "kiosk.ledger"
        do {
            if configuration.readOnly && !FileManager.default.fileExists(atPath: path) {
                throw LedgerError.cannotOpen(path: path, reason: "no such file")
            }
            pool = try DatabasePool(path: path, configuration: grdb)
            if configuration.readOnly {
                let (migrated, newer, applied) = try pool.read { db in
                    let migrator = LedgerSchema.migrator
                    return (try migrator.hasCompletedMigrations(db), try migrator.hasBeenSuperseded(db),
                            try migrator.appliedMigrations(db))
                }
                guard migrated else {
                    if newer {
                        throw LedgerError.corrupt(path: path, reason: "written by a newer version of the kiosk software")
                    }
                    if let last = applied.last {
                        throw LedgerError.corrupt(
                            path: path,
                            reason: "an older ledger schema (\(last)): open it read-write once (kioskd does at start) to upgrade it")
                    }
                    throw LedgerError.corrupt(path: path, reason: "not a ledger, or written by a newer/older version")
                }
            } else {
                // GRDB sets `synchronous=NORMAL` when it switches the writer to WAL, after
                // `prepareDatabase`: FULL must be set here, on the writer, after opening.
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                    // 64 MiB of page cache on the writer keeps the index pages an append touches in memory
                    // as the ledger grows (the random issuance-id index is the one that outgrows 2 MiB).
                    try db.execute(sql: "PRAGMA cache_size = -65536")
                    if let pages = configuration.maximumPageCount {
                        try db.execute(sql: "PRAGMA max_page_count = \(pages)")
                    }
                }
                try LedgerSchema.migrator.migrate(pool)
            }
        } catch {
            throw LedgerError.from(error, path: path)
        }
    }

    /// Opens the ledger at `path` without blocking the cooperative pool (the blocking open runs on a
    /// dispatch queue). Same errors as `init(path:configuration:)`.
    public static func open(at path: String, configuration: Configuration = Configuration()) async throws(LedgerError) -> Ledger {
        let result: Result<Ledger, LedgerError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do throws(LedgerError) {
                    continuation.resume(returning: .success(try Ledger(path: path, configuration: configuration)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    /// Appends `records` as consecutive entries in one transaction and returns them sealed (sequence,
    /// entry id, hashes). When it returns, the entries are durable. On error nothing was appended.
    /// - Throws: `LedgerError.invalidArgument` for an empty batch or an empty kiosk id;
    ///   `.diskFull`, `.readOnly`, `.corrupt`, `.refused`, `.storage` — stop taking money.
    @discardableResult
    public func append(_ records: [LedgerRecord]) async throws(LedgerError) -> [LedgerEntry] {
        guard !records.isEmpty else { throw .invalidArgument("append of an empty batch") }
        if records.contains(where: { $0.kioskID.isEmpty }) { throw .invalidArgument("a record has an empty kiosk id") }
        if configuration.readOnly { throw .readOnly(path: path) }
        let path = self.path
        do {
            return try await pool.write { db in
                // A cached statement and the cursor's own row (no copy): this read is part of every append.
                // The loop runs at most once (LIMIT 1) and leaves the cursor exhausted.
                let lastRows = try Row.fetchCursor(
                    db.cachedStatement(sql: "SELECT sequence, entry_hash FROM ledger_entry ORDER BY sequence DESC LIMIT 1"))
                var sequence: Int64 = 0
                var previous = SHA256Hash.zero
                while let last = try lastRows.next() {
                    sequence = last[0]
                    let data: Data = last[1]
                    guard let hash = SHA256Hash(bytes: Array(data)) else {
                        throw LedgerError.chainBroken(
                            path: path, problem: .unreadable(sequence: sequence, reason: "entry hash is not 32 bytes"))
                    }
                    previous = hash
                }
                let statement = try db.cachedStatement(sql: LedgerRow.insertSQL)
                var sealed: [LedgerEntry] = []
                sealed.reserveCapacity(records.count)
                for record in records {
                    sequence += 1
                    let entry = LedgerEntry(sealing: record, sequence: sequence, entryID: .randomEntryID(), previousHash: previous)
                    try statement.execute(arguments: LedgerRow.arguments(of: entry))
                    previous = entry.entryHash
                    sealed.append(entry)
                }
                return sealed
            }
        } catch {
            throw LedgerError.from(error, path: path)
        }
    }

    /// Appends one record; see `append(_:)` for the batch form and the guarantees.
    @discardableResult
    public func append(_ record: LedgerRecord) async throws(LedgerError) -> LedgerEntry {
        try await append([record])[0]
    }

    /// The writer connection's durability settings, read from SQLite (for status and tests).
    public func durability() async throws(LedgerError) -> LedgerDurability {
        do {
            let read: @Sendable (Database) throws -> LedgerDurability = { db in
                LedgerDurability(
                    journalMode: try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                    synchronous: try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1,
                    foreignKeys: try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false,
                    maximumPageCount: try Int.fetchOne(db, sql: "PRAGMA max_page_count") ?? 0)
            }
            return configuration.readOnly ? try await pool.read(read) : try await pool.writeWithoutTransaction(read)
        } catch {
            throw LedgerError.from(error, path: path)
        }
    }

    /// Copies the WAL back into the database file and truncates it (`PRAGMA wal_checkpoint(TRUNCATE)`).
    /// SQLite checkpoints on its own every 1,000 pages; call this after a bulk import or at a quiet
    /// moment (start, maintenance) so the next appends do not pay for a large checkpoint.
    public func checkpoint() async throws(LedgerError) {
        if configuration.readOnly { throw .readOnly(path: path) }
        do {
            try await pool.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch {
            throw LedgerError.from(error, path: path)
        }
    }

    /// Closes the file (checkpointing the WAL). Call once at shutdown; the ledger is unusable after.
    public func close() throws(LedgerError) {
        do {
            try pool.close()
        } catch {
            throw LedgerError.from(error, path: path)
        }
    }
}
