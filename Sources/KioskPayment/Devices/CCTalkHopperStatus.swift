/// A hopper's payout status (header 166).
public struct CCTalkHopperStatus: Sendable, Hashable {
    /// Counts dispense commands accepted (1…255, wraps to 1; 0 after a reset).
    public var eventCounter: UInt8
    /// Coins of the current payout still to pay (0 when it has finished).
    public var coinsRemaining: Int
    /// Coins paid in the last (or current) payout.
    public var lastPaid: Int
    /// Coins the last payout could not pay (empty or jammed).
    public var lastUnpaid: Int

    /// A status.
    public init(eventCounter: UInt8, coinsRemaining: Int, lastPaid: Int, lastUnpaid: Int) {
        self.eventCounter = eventCounter
        self.coinsRemaining = coinsRemaining
        self.lastPaid = lastPaid
        self.lastUnpaid = lastUnpaid
    }
}
