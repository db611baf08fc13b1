import Foundation
import GRDB
import KioskCore

extension Ledger {
    /// Walks the whole chain from entry 1: sequence gapless, each `previousHash` equal to the entry
    /// before's hash, each hash equal to the hash of the entry's content. Runs SQLite's `quick_check`
    /// first. Stops at the first bad entry and names it.
    /// - Parameter progress: called now and then with (entries checked, total entries).
    /// - Throws: `LedgerError` only when the file cannot be read; a broken chain is a result, not an error.
    public func verify(progress: (@Sendable (Int64, Int64) -> Void)? = nil) async throws(LedgerError) -> LedgerVerification {
        try await verify(fromSequence: 1, quickCheck: true, progress: progress)
    }

    /// Checks the last `count` entries (and their link to the entry before them), for the check at start.
    public func verifyTail(_ count: Int) async throws(LedgerError) -> LedgerVerification {
        let last = try await self.count()
        return try await verify(fromSequence: max(1, last - Int64(count) + 1), quickCheck: false, progress: nil)
    }

    private func verify(
        fromSequence first: Int64, quickCheck: Bool, progress: (@Sendable (Int64, Int64) -> Void)?
    ) async throws(LedgerError) -> LedgerVerification {
        let path = self.path
        do {
            return try await pool.read { db in
                let total = try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(sequence), 0) FROM ledger_entry") ?? 0
                var result = LedgerVerification(
                    checkedEntries: 0, firstSequence: first, lastSequence: total, problem: nil, storageProblem: nil)
                if quickCheck {
                    let answer = try String.fetchAll(db, sql: "PRAGMA quick_check")
                    if answer != ["ok"] {
                        result.storageProblem = answer.prefix(5).joined(separator: "; ")
                    }
                }
                var previous: LedgerEntry?
                if first > 1 {
                    // The anchor must itself be intact before the tail is judged against it.
                    let rows = try Row.fetchCursor(
                        db, sql: "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE sequence = ?", arguments: [first - 1])
                    if let row = try rows.next() {
                        do throws(LedgerRow.Unreadable) {
                            let anchor = try LedgerRow.entry(from: row)
                            if anchor.computedHash != anchor.entryHash {
                                result.problem = .contentHashMismatch(sequence: anchor.sequence)
                                return result
                            }
                            previous = anchor
                        } catch {
                            result.problem = .unreadable(sequence: error.sequence, reason: error.reason)
                            return result
                        }
                    }
                }
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE sequence >= ? ORDER BY sequence",
                    arguments: [first])
                while let row = try rows.next() {
                    let entry: LedgerEntry
                    do throws(LedgerRow.Unreadable) {
                        entry = try LedgerRow.entry(from: row)
                    } catch {
                        result.problem = .unreadable(sequence: error.sequence, reason: error.reason)
                        return result
                    }
                    if let problem = entry.chainProblem(after: previous) {
                        result.problem = problem
                        return result
                    }
                    previous = entry
                    result.checkedEntries += 1
                    if result.checkedEntries % 50_000 == 0 { progress?(result.checkedEntries, total - first + 1) }
                }
                progress?(result.checkedEntries, result.checkedEntries)
                return result
            }
        } catch {
            throw LedgerError.from(error, path: path)
        }
    }
}
