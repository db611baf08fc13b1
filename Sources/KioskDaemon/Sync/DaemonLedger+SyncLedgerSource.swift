import KioskCore
import KioskLedger
import KioskSync

/// The outbox reads the daemon's one handle on the ledger file (one DatabasePool per file per
/// process); reads run beside the writer under WAL, so sync never blocks issuing.
extension DaemonLedger: SyncLedgerSource {
    func entries(after sequence: Int64, limit: Int) async throws -> [LedgerEntry] {
        try await readable().entries(after: sequence, limit: limit)
    }

    func lastSequence() async throws -> Int64 {
        try await readable().count()
    }
}
