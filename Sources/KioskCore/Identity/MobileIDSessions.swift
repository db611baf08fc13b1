/// The mobile-ID fallback's back-end (kiosk-central in production): opens one-time presentation
/// requests for a kiosk and reports each one's outcome.
///
/// Contract for conformers: every `start` makes a new request with a fresh nonce, usable once; `outcome`
/// of an unknown id throws `backendUnavailable` naming it; an outcome other than `pending` is final.
public protocol MobileIDSessions: Sendable {
    /// Opens a new presentation request for `kioskID`.
    /// - Throws: `IdentityVerificationError.backendUnavailable` when the back-end cannot be reached.
    func start(kioskID: String) async throws(IdentityVerificationError) -> MobileIDChallenge
    /// The outcome of the request `id` so far.
    /// - Throws: `IdentityVerificationError.backendUnavailable` when the back-end cannot be reached.
    func outcome(of id: String) async throws(IdentityVerificationError) -> MobileIDOutcome
}
