public import Foundation
import GRDB
public import KioskCore

extension Ledger {
    /// Up to `limit` entries with a sequence above `sequence`, in order (sync and export page with it).
    /// `fromUTCMilliseconds` keeps only entries made at or after that instant.
    public func entries(after sequence: Int64, limit: Int, fromUTCMilliseconds: Int64? = nil) async throws(LedgerError) -> [LedgerEntry] {
        guard let from = fromUTCMilliseconds else {
            return try await fetch(
                "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE sequence > ? ORDER BY sequence LIMIT ?", [sequence, limit])
        }
        // Complete time blocks that end before `from` hold no entry at or after it: start past them.
        return try await fetch(
            """
            SELECT \(LedgerRow.columns) FROM ledger_entry
            WHERE sequence > MAX(?, IFNULL(
                (SELECT MIN(block) - 1 FROM ledger_time_block WHERE max_utc_ms >= ?),
                (SELECT IFNULL(MAX(block), 0) FROM ledger_time_block)) * \(LedgerSchema.timeBlockSize))
              AND utc_ms >= ?
            ORDER BY sequence LIMIT ?
            """,
            [sequence, from, from, limit])
    }

    /// The last `count` entries, oldest first.
    public func tail(_ count: Int) async throws(LedgerError) -> [LedgerEntry] {
        try await fetch(
            "SELECT \(LedgerRow.columns) FROM ledger_entry ORDER BY sequence DESC LIMIT ?", [count]
        ).reversed()
    }

    /// The last entry, or `nil` for an empty ledger.
    public func lastEntry() async throws(LedgerError) -> LedgerEntry? {
        try await tail(1).first
    }

    /// The entry with this sequence number, if any.
    public func entry(sequence: Int64) async throws(LedgerError) -> LedgerEntry? {
        try await fetch("SELECT \(LedgerRow.columns) FROM ledger_entry WHERE sequence = ?", [sequence]).first
    }

    /// For recovery at start: the **last** entry of every issuance whose last entry is not terminal
    /// (`paid`, `printing`, `failed`, `refund-started`), oldest first. Costs the number of open
    /// issuances, not the ledger's size.
    public func openIssuances() async throws(LedgerError) -> [LedgerEntry] {
        try await fetch(
            """
            SELECT \(LedgerRow.columns) FROM ledger_entry
            WHERE sequence IN (
                SELECT (SELECT MAX(sequence) FROM ledger_entry WHERE issuance_id = open_issuance.issuance_id)
                FROM open_issuance)
            ORDER BY sequence
            """, [])
    }

    /// Every entry of one issuance, in order.
    public func entries(issuanceID: UUID) async throws(LedgerError) -> [LedgerEntry] {
        try await fetch(
            "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE issuance_id = ? ORDER BY sequence",
            [issuanceID.ledgerText])
    }

    /// Every entry of the issuance that carries `number`, in order (empty if the number is unknown).
    public func entries(issuanceNumber number: IssuanceNumber) async throws(LedgerError) -> [LedgerEntry] {
        try await fetch(
            """
            SELECT \(LedgerRow.columns) FROM ledger_entry WHERE issuance_id =
                (SELECT issuance_id FROM issuance_number WHERE issuance_number = ?)
            ORDER BY sequence
            """, [number.digits])
    }

    /// The highest issuance number recorded for kiosk `kioskNumber`; the next issuance uses its
    /// sequence + 1 (1 if `nil`).
    public func lastIssuanceNumber(kioskNumber: Int) async throws(LedgerError) -> IssuanceNumber? {
        let prefix = String(format: "%05d", kioskNumber)
        let path = self.path
        do {
            let digits = try await pool.read { db in
                try String.fetchOne(
                    db,
                    sql: "SELECT MAX(issuance_number) FROM issuance_number WHERE issuance_number >= ? AND issuance_number < ?",
                    arguments: [prefix + "00000000000", prefix + ":"])
            }
            guard let digits else { return nil }
            do {
                return try IssuanceNumber(parsing: digits)
            } catch {
                throw LedgerError.corrupt(path: path, reason: error.description)
            }
        } catch {
            throw LedgerError.from(error, path: path)
        }
    }

    /// The number of entries (equal to the last sequence number, since they are gapless).
    public func count() async throws(LedgerError) -> Int64 {
        let path = self.path
        do {
            return try await pool.read { db in try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(sequence), 0) FROM ledger_entry") ?? 0 }
        } catch {
            throw LedgerError.from(error, path: path)
        }
    }

    /// Per-document figures for entries made in `[fromUTCMilliseconds, toUTCMilliseconds)` — pass the
    /// bounds of a local day. Sorted by document code.
    public func documentStats(fromUTCMilliseconds from: Int64, toUTCMilliseconds to: Int64) async throws(LedgerError) -> [LedgerDocumentStats] {
        let path = self.path
        do {
            return try await pool.read { db in
                var byCode: [String: LedgerDocumentStats] = [:]
                for row in try Self.documentRows(db, fromUTCMilliseconds: from, toUTCMilliseconds: to) {
                    let code: String = row[0]
                    let kind: String = row[1]
                    let count: Int = row[2]
                    let copies: Int = row[3]
                    let amount = Money(won: row[4])
                    var stats = byCode[code] ?? LedgerDocumentStats(
                        documentCode: code, issued: 0, copies: 0, paid: .zero, refunded: .zero, owed: .zero)
                    switch kind {
                    case "paid": stats.paid += amount
                    case "issued":
                        stats.issued += count
                        stats.copies += copies
                    case "refunded": stats.refunded += amount
                    default: stats.owed += amount
                    }
                    byCode[code] = stats
                }
                return byCode.values.sorted { $0.documentCode < $1.documentCode }
            }
        } catch {
            throw LedgerError.from(error, path: path)
        }
    }

    /// Per (document code, kind) counts and sums of the entries made in `[from, to)`, read only from
    /// the time blocks whose span meets the range and from the entries after the last complete block.
    private static func documentRows(_ db: Database, fromUTCMilliseconds from: Int64, toUTCMilliseconds to: Int64) throws -> [Row] {
        let size = LedgerSchema.timeBlockSize
        let blocks = try Int64.fetchAll(
            db, sql: "SELECT block FROM ledger_time_block WHERE max_utc_ms >= ? AND min_utc_ms < ? ORDER BY block",
            arguments: [from, to])
        let covered = (try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(block), 0) FROM ledger_time_block") ?? 0) * size
        // Consecutive blocks become one sequence range; the entries after the last block are one more.
        var ranges: [ClosedRange<Int64>] = []
        for block in blocks {
            let range = ((block - 1) * size + 1)...(block * size)
            if let last = ranges.last, last.upperBound + 1 == range.lowerBound {
                ranges[ranges.count - 1] = last.lowerBound...range.upperBound
            } else {
                ranges.append(range)
            }
        }
        ranges.append((covered + 1)...Int64.max)
        var rows: [Row] = []
        for range in ranges {
            rows += try Row.fetchAll(
                db,
                sql: """
                    SELECT document_code, kind, COUNT(*), IFNULL(SUM(copies), 0), IFNULL(SUM(amount), 0)
                    FROM ledger_entry
                    WHERE sequence BETWEEN ? AND ? AND utc_ms >= ? AND utc_ms < ? AND document_code IS NOT NULL
                      AND kind IN ('paid', 'issued', 'refunded', 'refund-owed')
                    GROUP BY document_code, kind
                    """, arguments: [range.lowerBound, range.upperBound, from, to])
        }
        return rows
    }

    private func fetch(_ sql: String, _ arguments: StatementArguments) async throws(LedgerError) -> [LedgerEntry] {
        let path = self.path
        do {
            return try await pool.read { db in try LedgerRow.fetch(db, sql: sql, arguments: arguments, path: path) }
        } catch {
            throw LedgerError.from(error, path: path)
        }
    }
}
