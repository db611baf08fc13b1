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
    func lag() async -> Int { Int(await outbox.status.lag) }

    /// The outbox's status.
    func status() async -> SyncStatus { await outbox.status }
}
