/// The adaptive batch size: grows while catching up, shrinks after failures (a slow or dropping link).
public struct SyncBatchSizer: Sendable, Hashable {
    /// The smallest batch.
    public let minimum: Int
    /// The largest batch.
    public let maximum: Int
    /// The size of the next batch.
    public private(set) var current: Int

    /// A sizer starting at `initial`, within `minimum…maximum`.
    public init(minimum: Int = 10, initial: Int = 100, maximum: Int = 2_000) {
        self.minimum = max(1, minimum)
        self.maximum = max(self.minimum, maximum)
        self.current = min(max(initial, self.minimum), self.maximum)
    }

    /// After a batch was acknowledged with `remaining` entries still waiting: double while more than a
    /// full batch waits.
    public mutating func succeeded(remaining: Int64) {
        if remaining > Int64(current) { current = min(current * 2, maximum) }
    }

    /// After a failed push (timeout, dropped connection, 413): halve.
    public mutating func failed() {
        current = max(current / 2, minimum)
    }
}
