public import Foundation
public import KioskCore
public import KioskFingerprint

/// `IdentityVerifier` over a `SyntheticRegistry`: 1:1 match of the presented ISO 19794-2 record against
/// the right thumb enrolled for the RRN, with one `FailedAttemptLimiter` for every kiosk that asks, and an
/// audit trail of attempts (never RRNs or templates). The quality the kiosk reports is audited, not used:
/// the kiosk refuses poor captures before asking.
public actor RegistryVerifier: IdentityVerifier {
    private let registry: SyntheticRegistry
    private let secret: Data
    private let matcher: MinutiaeMatcher
    private var limiter: FailedAttemptLimiter
    private var attempts: [VerificationAttempt] = []

    /// A verifier over `registry`, keying resident references with `secret`.
    public init(registry: SyntheticRegistry, secret: Data, limiter: FailedAttemptLimiter = FailedAttemptLimiter(),
                matcher: MinutiaeMatcher = MinutiaeMatcher()) {
        self.registry = registry
        self.secret = secret
        self.limiter = limiter
        self.matcher = matcher
    }

    /// The verdict for `request` (see `IdentityVerifier` for the contract).
    /// - Throws: `IdentityVerificationError.malformedTemplate` when the record cannot be decoded.
    public func verify(_ request: IdentityVerificationRequest) async throws(IdentityVerificationError) -> IdentityVerdict {
        let reference = ResidentReference(residentNumberDigits: request.residentNumber.unmaskedDigits, secret: secret)
        func audit(_ outcome: VerificationAttempt.Outcome, score: Double? = nil) {
            attempts.append(VerificationAttempt(
                kioskID: request.kioskID, resident: reference, outcome: outcome, quality: request.quality, score: score, at: request.at))
        }
        if case .lockedOut(let until) = limiter.status(of: reference, at: request.at) {
            audit(.lockedOut)
            return .lockedOut(until: until)
        }
        guard let resident = registry.resident(number: request.residentNumber),
              let enrolledRecord = registry.enrolledThumb(of: resident.id)
        else {
            audit(.notEnrolled)
            return .notEnrolled
        }
        var probe: MinutiaeTemplate
        var enrolled: MinutiaeTemplate
        do {
            probe = try MinutiaeTemplate(isoRecord: request.template)
            enrolled = try MinutiaeTemplate(isoRecord: enrolledRecord)
        } catch {
            throw .malformedTemplate(reason: error.description)
        }
        defer {
            probe.wipe()
            enrolled.wipe()
        }
        let result = matcher.compare(probe, enrolled)
        if result.isMatch {
            limiter.recordSuccess(of: reference)
            audit(.verified, score: result.score)
            return .verified(VerifiedIdentity(
                resident: reference, exemptions: resident.exemptions, method: .fingerprint, verifiedAt: request.at))
        }
        switch limiter.recordFailure(of: reference, at: request.at) {
        case .lockedOut(let until):
            audit(.lockedOut, score: result.score)
            return .lockedOut(until: until)
        case .open(let remaining):
            audit(.notMatched, score: result.score)
            return .notMatched(remainingAttempts: remaining)
        }
    }

    /// The attempts so far, oldest first.
    public func auditTrail() -> [VerificationAttempt] { attempts }
}
