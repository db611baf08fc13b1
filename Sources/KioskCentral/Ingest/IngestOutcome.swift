public import KioskSync

/// What central answers to one pushed batch.
public enum IngestOutcome: Sendable, Hashable {
    /// 200: stored (or already held); the acknowledgement.
    case accepted(LedgerAck)
    /// A refusal with its HTTP status and problem body; nothing was stored.
    case refused(status: Int, problem: CentralProblem)
}
