public import Foundation

/// The identity back-end's answer to one verification attempt.
public enum IdentityVerdict: Sendable, Hashable {
    /// The thumb matches the template enrolled for the RRN.
    case verified(VerifiedIdentity)
    /// The thumb does not match; `remainingAttempts` more failures are allowed before the cool-down.
    case notMatched(remainingAttempts: Int)
    /// No right-thumb template is enrolled for this RRN (or the RRN is unknown): offer mobile ID.
    case notEnrolled
    /// Too many failures for this RRN across all kiosks; no attempt is evaluated before `until`.
    case lockedOut(until: Date)
}
