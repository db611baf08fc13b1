import Foundation
import KioskCore
import KioskDevices
import KioskFingerprint
import KioskRegistry
import Testing

/// `RegistryVerifier.verifyAudited`: the verdict with the one audit record the caller stores (central
/// keeps no trail in memory), and the failure that locks out audited with its score.
@Suite struct AuditedVerificationTests {
    @Test func eachAttemptReturnsItsAuditRecord() async throws {
        let registry = SyntheticRegistry(.init(seed: 5, households: 6, asOf: LocalDate(year: 2026, month: 11, day: 1)!, syntheticThumbs: 2))
        let secret = Data("audit".utf8)
        let verifier = RegistryVerifier(
            registry: registry, secret: secret, limiter: FailedAttemptLimiter(maximumFailures: 2), retainsAttempts: false)
        let head = registry.residents[registry.enrolments[0].resident]
        func request(thumb: UInt64, at offset: TimeInterval) -> IdentityVerificationRequest {
            IdentityVerificationRequest(
                kioskID: "k\(offset)", residentNumber: head.residentNumber,
                template: MinutiaeExtractor().template(from: SyntheticThumb.image(seed: thumb)).isoRecord(), quality: 66,
                at: Date(timeIntervalSince1970: 1_800_000_000 + offset))
        }
        let reference = ResidentReference(residentNumberDigits: head.residentNumber.unmaskedDigits, secret: secret)
        let first = try await verifier.verifyAudited(request(thumb: 2, at: 0))
        #expect(first.verdict == .notMatched(remainingAttempts: 1))
        #expect(first.attempt.outcome == .notMatched && first.attempt.score != nil && first.attempt.resident == reference)
        #expect(first.attempt.kioskID == "k0.0" && first.attempt.quality == 66)
        let second = try await verifier.verifyAudited(request(thumb: 2, at: 1))
        #expect(second.attempt.outcome == .lockedOut && second.attempt.score != nil)
        let refused = try await verifier.verifyAudited(request(thumb: 1, at: 2))
        #expect(refused.attempt.outcome == .lockedOut && refused.attempt.score == nil)
        #expect(await verifier.auditTrail().isEmpty)
    }
}
