/// Where a mobile-ID request stands: no presentation yet, verified (the same `VerifiedIdentity` the
/// fingerprint path ends in), rejected with the reason, or expired unanswered.
public enum MobileIDOutcome: Sendable, Hashable {
    /// No valid presentation has arrived yet.
    case pending
    /// A wallet presented a valid credential bound to this request's nonce.
    case verified(VerifiedIdentity)
    /// A presentation arrived and was refused (bad signature, expired credential, nonce replay …).
    case rejected(reason: String)
    /// The request expired without a valid presentation.
    case expired
}
