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
    private let retainsAttempts: Bool

    /// A verifier over `registry`, keying resident references with `secret`. With `retainsAttempts` false
    /// (a long-running server that stores the attempts elsewhere) `auditTrail()` stays empty.
    public init(registry: SyntheticRegistry, secret: Data, limiter: FailedAttemptLimiter = FailedAttemptLimiter(),
                matcher: MinutiaeMatcher = MinutiaeMatcher(), retainsAttempts: Bool = true) {
        self.registry = registry
        self.secret = secret
        self.limiter = limiter
        self.matcher = matcher
        self.retainsAttempts = retainsAttempts
    }

    /// The verdict for `request` (see `IdentityVerifier` for the contract).
    /// - Throws: `IdentityVerificationError.malformedTemplate` when the record cannot be decoded.
    public func verify(_ request: IdentityVerificationRequest) async throws(IdentityVerificationError) -> IdentityVerdict {
        try verifyAudited(request).verdict
    }

    /// The verdict for `request` and the audit record of this attempt (the caller stores it).
    /// - Throws: `IdentityVerificationError.malformedTemplate` when the record cannot be decoded (nothing is counted).
    public func verifyAudited(_ request: IdentityVerificationRequest) throws(IdentityVerificationError)
        -> (verdict: IdentityVerdict, attempt: VerificationAttempt)
    {
        let reference = ResidentReference(residentNumberDigits: request.residentNumber.unmaskedDigits, secret: secret)
        let (verdict, outcome, score) = try evaluate(request, reference: reference)
        let attempt = VerificationAttempt(
            kioskID: request.kioskID, resident: reference, outcome: outcome, quality: request.quality, score: score, at: request.at)
        if retainsAttempts { attempts.append(attempt) }
        return (verdict, attempt)
    }

    /// The verdict, the outcome to audit and the matcher's score (when a comparison was made).
    private func evaluate(_ request: IdentityVerificationRequest, reference: ResidentReference) throws(IdentityVerificationError)
        -> (IdentityVerdict, VerificationAttempt.Outcome, Double?)
    {
        if case .lockedOut(let until) = limiter.status(of: reference, at: request.at) {
            return (.lockedOut(until: until), .lockedOut, nil)
        }
        guard let resident = registry.resident(number: request.residentNumber),
              let enrolledRecord = registry.enrolledThumb(of: resident.id)
        else {
            return (.notEnrolled, .notEnrolled, nil)
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
            let identity = VerifiedIdentity(resident: reference, exemptions: resident.exemptions, method: .fingerprint, verifiedAt: request.at)
            return (.verified(identity), .verified, result.score)
        }
        switch limiter.recordFailure(of: reference, at: request.at) {
        case .lockedOut(let until):
            return (.lockedOut(until: until), .lockedOut, result.score)
        case .open(let remaining):
            return (.notMatched(remainingAttempts: remaining), .notMatched, result.score)
        }
    }

    /// The attempts so far, oldest first.
    public func auditTrail() -> [VerificationAttempt] { attempts }
}
