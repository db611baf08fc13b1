import KioskCore
import KioskLedger
import KioskSync

/// The kiosk's ledger file as the outbox reads it: opened read-only on first use (the daemon's ledger
/// writer creates the file), so sync never takes the writer and never blocks issuing.
actor ReadOnlyLedgerSource: SyncLedgerSource {
    private let path: String
    private var ledger: Ledger?

    init(path: String) { self.path = path }

    private func open() async throws -> Ledger {
        if let ledger { return ledger }
        let opened = try await Ledger.open(at: path, configuration: Ledger.Configuration(readOnly: true))
        ledger = opened
        return opened
    }

    func entries(after sequence: Int64, limit: Int) async throws -> [LedgerEntry] {
        try await open().entries(after: sequence, limit: limit)
    }

    func lastSequence() async throws -> Int64 {
        try await open().count()
    }
}
