public import Foundation
import KioskCore
import KioskDevices
import KioskFingerprint
import KioskRegistry
import KioskSync
import Logging

/// Measures central's fingerprint verification: verdicts per second through `CentralIdentityService`
/// (decode, limiter, 1:1 match, audit row in SQLite with `synchronous=FULL`), against the raw baseline of
/// the same requests through `RegistryVerifier` alone (match and limiter, no audit). `kiosk-central
/// bench-identity` prints it.
public enum CentralIdentityBenchmark {
    /// (service verdicts/s, raw verdicts/s) for `attempts` attempts alternating a matching and a
    /// non-matching thumb over the 8 enrolled residents of a 200-resident registry, in a SQLite file under `directory`.
    /// - Throws: `CentralStorageError` or a failed verdict.
    public static func measure(attempts: Int, directory: String) async throws -> (service: Double, raw: Double) {
        let root = URL(fileURLWithPath: directory).appendingPathComponent("kiosk-bench-identity-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let storage = try SQLiteCentralStorage(path: root.appendingPathComponent("central.sqlite").path)
        let summary = try await CentralRegistrySeeding.seed(
            storage: storage, residents: 200, seed: 3, asOf: LocalDate(year: 2026, month: 11, day: 1)!, syntheticThumbs: 8,
            replace: false, now: Date())
        let registry = try CentralRegistry(parameters: summary.parameters)
        let extractor = MinutiaeExtractor()
        let templates = (1...8).map { extractor.template(from: SyntheticThumb.image(seed: UInt64($0))).isoRecord() }
        let heads = registry.registry.enrolments.map { registry.registry.residents[$0.resident] }
        // Attempt i: resident i mod 8 with their own thumb (even i) or the next one's (odd i).
        func pick(_ index: Int) -> (RegistryResident, [UInt8]) {
            let who = index % heads.count
            return (heads[who], templates[(who + index % 2) % templates.count])
        }
        var configuration = CentralIdentityConfiguration()
        configuration.maximumFailures = Int.max / 2
        let service = try await CentralIdentityService.load(
            storage: storage, configuration: configuration, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }), now: Date())
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<attempts {
            let (resident, template) = pick(index)
            let body = IdentityVerifyBody(
                kioskID: "bench", residentNumber: resident.residentNumber.unmaskedDigits, template: Data(template).base64EncodedString(),
                quality: 80, atUTCMilliseconds: 0)
            let answer = try await service.verify(body, kioskID: "bench", now: Date()).get()
            guard answer.result == (index % 2 == 0 ? "verified" : "not-matched") else {
                throw CentralStorageError.corrupt("bench attempt \(index) answered \(answer.result)")
            }
        }
        let serviceSeconds = seconds(clock.now - start)

        let raw = RegistryVerifier(
            registry: registry.registry, secret: registry.secret, limiter: FailedAttemptLimiter(maximumFailures: Int.max / 2), retainsAttempts: false)
        let rawStart = clock.now
        for index in 0..<attempts {
            let (resident, template) = pick(index)
            _ = try await raw.verify(IdentityVerificationRequest(kioskID: "bench", residentNumber: resident.residentNumber, template: template, quality: 80, at: Date()))
        }
        let rawSeconds = seconds(clock.now - rawStart)
        return (Double(attempts) / serviceSeconds, Double(attempts) / rawSeconds)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
