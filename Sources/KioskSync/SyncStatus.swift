/// What the outbox knows about sync: for `kioskctl sync status`, the status report and metrics.
public struct SyncStatus: Sendable, Hashable, Codable {
    /// The last sequence central acknowledged (`nil` until central answered once).
    public var ackedSequence: Int64?
    /// The last sequence in the kiosk's ledger.
    public var lastSequence: Int64
    /// Entries not yet acknowledged (`lastSequence − ackedSequence`, or all of them before the first answer).
    public var lag: Int64
    /// The last error, if the last round failed.
    public var lastError: String?
    /// Consecutive failed rounds.
    public var consecutiveFailures: Int
    /// The current batch size.
    public var batchSize: Int
    /// When central last acknowledged something, UTC milliseconds.
    public var lastSuccessUTCMilliseconds: Int64?

    /// A status.
    public init(
        ackedSequence: Int64?, lastSequence: Int64, lag: Int64, lastError: String?, consecutiveFailures: Int, batchSize: Int,
        lastSuccessUTCMilliseconds: Int64?
    ) {
        self.ackedSequence = ackedSequence
        self.lastSequence = lastSequence
        self.lag = lag
        self.lastError = lastError
        self.consecutiveFailures = consecutiveFailures
        self.batchSize = batchSize
        self.lastSuccessUTCMilliseconds = lastSuccessUTCMilliseconds
    }
}
