import KioskCore
import KioskLedger
import KioskSync

/// The kiosk's real SQLite ledger as the outbox's source (the daemon's SyncService uses the same shape).
struct LedgerSyncSource: SyncLedgerSource {
    let ledger: Ledger

    func entries(after sequence: Int64, limit: Int) async throws -> [LedgerEntry] {
        try await ledger.entries(after: sequence, limit: limit)
    }

    func lastSequence() async throws -> Int64 { try await ledger.count() }
}
