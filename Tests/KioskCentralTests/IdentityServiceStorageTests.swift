import Foundation
@testable import KioskCentral
import KioskCore
import KioskDevices
import KioskFingerprint
import KioskRegistry
import KioskSync
import KioskTestSupport
import Logging
import Testing

/// Central's identity service over each storage back-end (SQLite and PostgreSQL): a seeded registry is
/// rebuilt from storage, attempts are audited there, and a reloaded service (a restart) keeps a lock-out
/// because the limiter is rebuilt from the stored audit.
@Suite(.serialized) struct IdentityServiceStorageTests {
    static let logger = Logger(label: "test.identity")

    @Test(arguments: StorageBackend.allCases)
    func verdictsAreAuditedAndALockOutSurvivesAReload(_ backend: StorageBackend) async throws {
        try await backend.with { storage, _ in
            let summary = try await CentralRegistrySeeding.seed(
                storage: storage, residents: 20, seed: 11, asOf: LocalDate(year: 2026, month: 11, day: 1)!, syntheticThumbs: 3,
                replace: false, now: Date())
            #expect(summary.residents >= 20)
            #expect(summary.enrolled.map(\.thumbSeed) == [1, 2, 3])
            var configuration = CentralIdentityConfiguration()
            configuration.maximumFailures = 2
            let registry = try CentralRegistry(parameters: summary.parameters).registry
            let head = registry.residents[try requireValue(registry.enrolments.first { $0.source == .syntheticThumb(seed: 1) }, "thumb 1").resident]
            func body(thumb: UInt64) -> IdentityVerifyBody {
                IdentityVerifyBody(
                    kioskID: "k1", residentNumber: head.residentNumber.unmaskedDigits,
                    template: Data(MinutiaeExtractor().template(from: SyntheticThumb.image(seed: thumb)).isoRecord()).base64EncodedString(),
                    quality: 77, atUTCMilliseconds: 0)
            }
            let now = Date()
            let service = try await CentralIdentityService.load(storage: storage, configuration: configuration, logger: Self.logger, now: now)
            #expect(try await service.verify(body(thumb: 1), kioskID: "k1", now: now).get().result == "verified")
            #expect(try await service.verify(body(thumb: 2), kioskID: "k1", now: now).get() == IdentityVerifyAnswer(result: "not-matched", remainingAttempts: 1))
            let locked = try await service.verify(body(thumb: 3), kioskID: "k1", now: now.addingTimeInterval(1)).get()
            #expect(locked.result == "locked-out")

            let reloaded = try await CentralIdentityService.load(storage: storage, configuration: configuration, logger: Self.logger, now: now.addingTimeInterval(2))
            let after = try await reloaded.verify(body(thumb: 1), kioskID: "k1", now: now.addingTimeInterval(2)).get()
            #expect(after == locked)
            // After the lock-out the right thumb verifies again.
            let later = now.addingTimeInterval(configuration.lockoutSeconds + 5)
            #expect(try await reloaded.verify(body(thumb: 1), kioskID: "k1", now: later).get().result == "verified")

            // The verified identity opens the resident's records at that kiosk for 30 minutes, not after.
            let verified = try await reloaded.verify(body(thumb: 1), kioskID: "k1", now: later).get()
            let fetch = DocumentFetchBody(kioskID: "k1", identity: verified.identity, key: nil, options: [:], atUTCMilliseconds: 0)
            let content = try await reloaded.document(code: "RR-CHOBON", body: fetch, kioskID: "k1", now: later.addingTimeInterval(60)).get()
            #expect(content.title == "주민등록표 (초본)")
            let stale = await reloaded.document(code: "RR-CHOBON", body: fetch, kioskID: "k1", now: later.addingTimeInterval(31 * 60))
            #expect(stale.failure?.status == 404)

            let audit = try await storage.verificationAttempts(sinceUTCMilliseconds: 0)
            #expect(audit.map(\.result) == ["verified", "not-matched", "locked-out", "locked-out", "verified", "verified"])
            #expect(audit.allSatisfy { $0.quality == 77 && $0.kioskID == "k1" && !$0.residentReference.contains(head.residentNumber.unmaskedDigits) })
        }
    }
}

extension ProblemResponse: CustomStringConvertible {
    public var description: String { "\(status) \(problem)" }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
