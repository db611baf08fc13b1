public import Foundation
public import KioskCore

/// One verification attempt as the registry audits it: no RRN, no template — the keyed reference, the
/// kiosk, the outcome, the capture quality and the instant.
public struct VerificationAttempt: Sendable, Hashable {
    /// The outcome.
    public enum Outcome: String, Sendable, Hashable {
        /// Matched.
        case verified
        /// Did not match (counted by the limiter).
        case notMatched
        /// No thumb enrolled for the RRN.
        case notEnrolled
        /// Refused because the RRN is locked out (or this failure locked it).
        case lockedOut
    }

    /// The kiosk that asked.
    public var kioskID: String
    /// The resident's keyed reference.
    public var resident: ResidentReference
    /// The outcome.
    public var outcome: Outcome
    /// The capture quality the kiosk reported.
    public var quality: Int
    /// The matcher's score, when a comparison was made.
    public var score: Double?
    /// When.
    public var at: Date
}
