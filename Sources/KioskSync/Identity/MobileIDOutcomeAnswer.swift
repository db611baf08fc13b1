/// Central's answer to `GET /v1/mobile-id/requests/{state}/outcome`: `status` is `pending`, `verified`
/// (with `identity`), `rejected` (with `reason`) or `expired`.
public struct MobileIDOutcomeAnswer: Sendable, Hashable, Codable {
    /// `pending`, `verified`, `rejected` or `expired`.
    public var status: String
    /// For `verified`.
    public var identity: VerifiedIdentityWire?
    /// For `rejected`: the failed check.
    public var reason: String?

    /// An answer.
    public init(status: String, identity: VerifiedIdentityWire? = nil, reason: String? = nil) {
        self.status = status
        self.identity = identity
        self.reason = reason
    }
}
