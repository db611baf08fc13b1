public import Foundation
import GRDB
public import KioskCore

extension Ledger {
    /// Up to `limit` entries with a sequence above `sequence`, in order (sync and export page with it).
    /// `fromUTCMilliseconds` keeps only entries made at or after that instant.
    public func entries(after sequence: Int64, limit: Int, fromUTCMilliseconds: Int64? = nil) async throws(LedgerError) -> [LedgerEntry] {
        try await fetch(
            "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE sequence > ? AND utc_ms >= ? ORDER BY sequence LIMIT ?",
            [sequence, fromUTCMilliseconds ?? Int64.min, limit])
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
            WHERE sequence IN (SELECT last_sequence FROM open_issuance) ORDER BY sequence
            """, [])
    }

    /// Every entry of one issuance, in order.
    public func entries(issuanceID: UUID) async throws(LedgerError) -> [LedgerEntry] {
        try await fetch(
            "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE issuance_id = ? ORDER BY sequence",
            [issuanceID.uuidString.lowercased()])
    }

    /// Every entry of the issuance that carries `number`, in order (empty if the number is unknown).
    public func entries(issuanceNumber number: IssuanceNumber) async throws(LedgerError) -> [LedgerEntry] {
        try await fetch(
            """
            SELECT \(LedgerRow.columns) FROM ledger_entry WHERE issuance_id =
                (SELECT issuance_id FROM ledger_entry WHERE issuance_number = ? LIMIT 1)
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
                    sql: "SELECT MAX(issuance_number) FROM ledger_entry WHERE issuance_number >= ? AND issuance_number < ?",
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
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT document_code, kind, COUNT(*), IFNULL(SUM(copies), 0), IFNULL(SUM(amount), 0)
                        FROM ledger_entry
                        WHERE utc_ms >= ? AND utc_ms < ? AND document_code IS NOT NULL
                          AND kind IN ('paid', 'issued', 'refunded', 'refund-owed')
                        GROUP BY document_code, kind ORDER BY document_code
                        """, arguments: [from, to])
                var byCode: [String: LedgerDocumentStats] = [:]
                for row in rows {
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

    private func fetch(_ sql: String, _ arguments: StatementArguments) async throws(LedgerError) -> [LedgerEntry] {
        let path = self.path
        do {
            return try await pool.read { db in try LedgerRow.fetch(db, sql: sql, arguments: arguments, path: path) }
        } catch {
            throw LedgerError.from(error, path: path)
        }
    }
}
