public import Foundation

/// How a session ended, carried by `IssuanceAction.endSession`.
public enum IssuanceSessionOutcome: Sendable, Hashable {
    /// Ended before payment (cancel or idle timeout): nothing charged, nothing kept.
    case abandoned(reason: String)
    /// Ended before payment because the kiosk went out of service: nothing charged.
    case outOfService(reason: String)
    /// Every paid issuance reached its outcome: the ids issued, the money refunded and the money owed.
    case completed(issued: [UUID], refunded: Money, owed: Money)
}
