/// Verifies a resident 1:1: the right-thumb template captured at the kiosk against the one enrolled for
/// the RRN the resident typed, with a brute-force guard across all kiosks.
///
/// Contract for conformers:
/// - A locked-out RRN gets `.lockedOut` without evaluating the template (and the attempt is not counted).
/// - Every `.notMatched` counts as one failure for the RRN; enough failures within the window lock it out,
///   and the attempt that reaches the limit already answers `.lockedOut`.
/// - `.verified` carries the exemptions the back-end confirms and a keyed reference, never the RRN.
/// - Nothing biometric is kept after the call; the caller wipes the request.
public protocol IdentityVerifier: Sendable {
    /// The verdict for `request`.
    /// - Throws: `IdentityVerificationError` when the attempt cannot be evaluated (bad template, back-end down).
    func verify(_ request: IdentityVerificationRequest) async throws(IdentityVerificationError) -> IdentityVerdict
}
