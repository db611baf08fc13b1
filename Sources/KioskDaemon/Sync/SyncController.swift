import KioskSync

/// The running sync as the control socket and the status report see it: its outbox's status and a
/// "sync now" request flag the service polls.
actor SyncController {
    let outbox: SyncOutbox
    private var requested = false

    init(outbox: SyncOutbox) { self.outbox = outbox }

    /// Asks the service to run a round now (skipping any backoff wait).
    func requestNow() { requested = true }

    /// Whether a round was requested since the last call (clears the flag).
    func takeRequest() -> Bool {
        defer { requested = false }
        return requested
    }

    /// Entries central has not acknowledged yet.
    /// Entries central has not acknowledged: the ledger's head now (the outbox only reads it during a
    /// round, and rounds back off while central is down) minus central's acknowledged sequence.
    func lag(ledgerHead: Int64?) async -> Int {
        let status = await outbox.status
        let head = max(ledgerHead ?? 0, status.lastSequence)
        return Int(max(0, head - (status.ackedSequence ?? 0)))
    }

    /// The outbox's status.
    func status() async -> SyncStatus { await outbox.status }
}
