import Foundation
import KioskCore
import KioskDevices
import KioskFingerprint
import KioskRegistry
import Testing

@Suite struct RegistryVerifierTests {
    static let secret = Data("central-test-secret".utf8)
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let extractor = MinutiaeExtractor()

    /// Households 0 (the NB-1010-U recording) and 1–6 (synthetic thumbs 1–6) have enrolled thumbs.
    static func registry() throws -> SyntheticRegistry {
        let recorded = extractor.template(from: try Fixtures.nb1010Capture())
        return SyntheticRegistry(.init(
            seed: 2026, households: 12, asOf: LocalDate(year: 2026, month: 11, day: 1)!, recordedThumbs: [recorded],
            syntheticThumbs: 6))
    }

    static func request(_ number: ResidentNumber, _ image: GrayImage, kiosk: String = "kiosk-1", at offset: TimeInterval = 0)
        -> IdentityVerificationRequest
    {
        let template = extractor.template(from: image)
        return IdentityVerificationRequest(
            kioskID: kiosk, residentNumber: number, template: template.isoRecord(), quality: Int(template.fingerQuality),
            at: start.addingTimeInterval(offset))
    }

    @Test func theRecordingVerifiesAsItsResidentAndAnotherFingerDoesNot() async throws {
        let registry = try Self.registry()
        let verifier = RegistryVerifier(registry: registry, secret: Self.secret)
        let enrolment = try #require(registry.enrolments.first { $0.source == .recording(index: 0) })
        let resident = registry.residents[enrolment.resident]
        let probe = Fixtures.perturbed(try Fixtures.nb1010Capture(), dx: 6, dy: -4, amplitude: 12, seed: 9)

        let verdict = try await verifier.verify(Self.request(resident.residentNumber, probe))
        guard case .verified(let identity) = verdict else {
            Issue.record("expected verified, got \(verdict)")
            return
        }
        #expect(identity.method == .fingerprint)
        #expect(identity.exemptions == resident.exemptions)
        #expect(identity.resident == ResidentReference(residentNumberDigits: resident.residentNumber.unmaskedDigits, secret: Self.secret))

        let other = try await verifier.verify(Self.request(resident.residentNumber, try Fixtures.aes3500Capture(), at: 1))
        #expect(other == .notMatched(remainingAttempts: 4))
        let trail = await verifier.auditTrail()
        #expect(trail.map(\.outcome) == [.verified, .notMatched])
        #expect(trail.allSatisfy { $0.resident == identity.resident && $0.score != nil })
    }

    @Test func syntheticFingersVerifyTheirResidentsOnly() async throws {
        let registry = try Self.registry()
        let verifier = RegistryVerifier(registry: registry, secret: Self.secret)
        for enrolment in registry.enrolments {
            guard case .syntheticThumb(let seed) = enrolment.source else { continue }
            let number = registry.residents[enrolment.resident].residentNumber
            let genuine = Fixtures.perturbed(SyntheticThumb.image(seed: seed), dx: 3, dy: 2, amplitude: 10, seed: seed)
            let verdict = try await verifier.verify(Self.request(number, genuine))
            #expect({ if case .verified = verdict { true } else { false } }(), "finger \(seed): \(verdict)")
            let impostor = SyntheticThumb.image(seed: seed &+ 7919)
            #expect(try await verifier.verify(Self.request(number, impostor)) == .notMatched(remainingAttempts: 4))
        }
    }

    @Test func lockOutAfterNFailuresAcrossKiosks() async throws {
        let registry = try Self.registry()
        let verifier = RegistryVerifier(
            registry: registry, secret: Self.secret, limiter: FailedAttemptLimiter(maximumFailures: 3, window: 3600, coolDown: 1800))
        let number = registry.residents[registry.enrolments[0].resident].residentNumber
        let wrong = try Fixtures.aes3500Capture()
        let genuine = try Fixtures.nb1010Capture()
        #expect(try await verifier.verify(Self.request(number, wrong, kiosk: "kiosk-1", at: 0)) == .notMatched(remainingAttempts: 2))
        #expect(try await verifier.verify(Self.request(number, wrong, kiosk: "kiosk-2", at: 60)) == .notMatched(remainingAttempts: 1))
        let until = Self.start.addingTimeInterval(120 + 1800)
        #expect(try await verifier.verify(Self.request(number, wrong, kiosk: "kiosk-3", at: 120)) == .lockedOut(until: until))
        // Even the right thumb, at yet another kiosk, is refused during the cool-down …
        #expect(try await verifier.verify(Self.request(number, genuine, kiosk: "kiosk-4", at: 600)) == .lockedOut(until: until))
        // … and accepted after it.
        let after = try await verifier.verify(Self.request(number, genuine, kiosk: "kiosk-4", at: 1920))
        #expect({ if case .verified = after { true } else { false } }())
        #expect(await verifier.auditTrail().map(\.outcome) == [.notMatched, .notMatched, .lockedOut, .lockedOut, .verified])
    }

    @Test func unknownOrUnenrolledResidentsAreNotEnrolled() async throws {
        let registry = try Self.registry()
        let verifier = RegistryVerifier(registry: registry, secret: Self.secret)
        let capture = try Fixtures.nb1010Capture()
        let unknown = try ResidentNumber("010101-3000000")
        #expect(registry.resident(number: unknown) == nil)
        #expect(try await verifier.verify(Self.request(unknown, capture)) == .notEnrolled)
        let enrolled = Set(registry.enrolments.map(\.resident))
        let bare = try #require(registry.residents.first { !enrolled.contains($0.id) })
        #expect(try await verifier.verify(Self.request(bare.residentNumber, capture)) == .notEnrolled)
    }

    @Test func malformedTemplateIsAnError() async throws {
        let registry = try Self.registry()
        let verifier = RegistryVerifier(registry: registry, secret: Self.secret)
        let number = registry.residents[registry.enrolments[0].resident].residentNumber
        let request = IdentityVerificationRequest(kioskID: "k", residentNumber: number, template: [0x46, 0x4D, 0x52], quality: 80, at: Self.start)
        await #expect(throws: IdentityVerificationError.self) { try await verifier.verify(request) }
    }
}
