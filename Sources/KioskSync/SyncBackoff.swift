/// Exponential backoff with jitter for retries after failures: `base × 2^failures`, capped, then scaled by
/// a random factor in [0.5, 1] so a fleet of kiosks coming back online does not retry in lockstep.
public struct SyncBackoff: Sendable, Hashable {
    /// The delay after the first failure.
    public var base: Duration
    /// The longest delay.
    public var cap: Duration

    /// A backoff; defaults 1 s doubling up to 5 min.
    public init(base: Duration = .seconds(1), cap: Duration = .seconds(300)) {
        self.base = base
        self.cap = cap
    }

    /// The delay after `failures` consecutive failures (≥ 1), with `jitter` in [0, 1] drawn by the caller.
    public func delay(afterFailures failures: Int, jitter: Double) -> Duration {
        let exponent = min(max(failures - 1, 0), 30)
        let raw = base * (1 << exponent)
        let capped = raw > cap ? cap : raw
        let factor = 0.5 + 0.5 * min(max(jitter, 0), 1)
        return capped * factor
    }
}
