/// Central's verdict on one verification attempt: `result` is `verified` (with `identity`),
/// `not-matched` (with `remainingAttempts`), `not-enrolled` or `locked-out` (with `lockedUntilUTCMilliseconds`).
public struct IdentityVerifyAnswer: Sendable, Hashable, Codable {
    /// `verified`, `not-matched`, `not-enrolled` or `locked-out`.
    public var result: String
    /// For `verified`.
    public var identity: VerifiedIdentityWire?
    /// For `not-matched`: failures still tolerated before the lock-out.
    public var remainingAttempts: Int?
    /// For `locked-out`: no attempt is evaluated before this instant, UTC milliseconds.
    public var lockedUntilUTCMilliseconds: Int64?

    /// An answer.
    public init(result: String, identity: VerifiedIdentityWire? = nil, remainingAttempts: Int? = nil, lockedUntilUTCMilliseconds: Int64? = nil) {
        self.result = result
        self.identity = identity
        self.remainingAttempts = remainingAttempts
        self.lockedUntilUTCMilliseconds = lockedUntilUTCMilliseconds
    }
}
