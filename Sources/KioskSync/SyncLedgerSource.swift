public import KioskCore

/// The kiosk's ledger as the outbox reads it (the daemon adapts `KioskLedger.Ledger` to it).
public protocol SyncLedgerSource: Sendable {
    /// Up to `limit` entries after `sequence`, in order.
    func entries(after sequence: Int64, limit: Int) async throws -> [LedgerEntry]
    /// The last sequence in the ledger (0 when empty).
    func lastSequence() async throws -> Int64
}
