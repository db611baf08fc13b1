import Foundation
import KioskCentral
import KioskCore
import KioskDevices
import KioskFingerprint
import KioskRegistry
import KioskSync
import KioskTestSupport

/// A real kiosk-central with a seeded synthetic registry (through `kiosk-central registry seed`) and two
/// registered kiosks, A and B, plus the same registry rebuilt in the test from the stored parameters, so
/// tests know which RRN each simulated thumb is enrolled for.
final class IdentityRig: @unchecked Sendable {
    // @unchecked: every stored property is immutable after init.
    static let seed: UInt64 = 7
    static let asOf = "2026-11-01"
    let folder: TemporaryDirectory
    let database: String
    let central: RunningCentral
    let keyA = KioskSigningKey()
    let keyB = KioskSigningKey()
    let kioskA = "seoul-jongno-01"
    let kioskB = "busan-haeundae-02"
    let registry: SyntheticRegistry?
    let secret: Data

    /// Seeds (unless `seeded` is false), registers both kiosks and starts central with `arguments`.
    init(seeded: Bool = true, arguments: [String] = []) async throws {
        folder = try TemporaryDirectory(prefix: "central-identity")
        database = folder.file("central.sqlite")
        try await RunningCentral.register(database: database, id: kioskA, publicKey: keyA.publicKey.base64, name: "종로구청")
        try await RunningCentral.register(database: database, id: kioskB, publicKey: keyB.publicKey.base64, name: "해운대구청", district: "Haeundae-gu")
        if seeded {
            let result = try await runProcess(
                BuiltProducts.path("kiosk-central"),
                ["registry", "seed", "--database", database, "--residents", "30", "--seed", "\(Self.seed)", "--synthetic-thumbs", "4",
                 "--as-of", Self.asOf])
            guard result.status == 0, result.stdout.contains("seeded registry") else {
                throw ChildProcess.Failure(description: "registry seed failed (\(result.status)): \(result.stdout)\(result.stderr)")
            }
            let parameters = try requireValue(try await SQLiteCentralStorage(path: database).registryParameters(), "no stored parameters")
            registry = SyntheticRegistry(.init(
                seed: parameters.seed, households: parameters.households, asOf: LocalDate(iso: parameters.asOf)!,
                syntheticThumbs: parameters.syntheticThumbs))
            secret = Data(stride(from: 0, to: 64, by: 2).map { offset in
                let start = parameters.secretHex.index(parameters.secretHex.startIndex, offsetBy: offset)
                return UInt8(parameters.secretHex[start..<parameters.secretHex.index(start, offsetBy: 2)], radix: 16)!
            })
        } else {
            registry = nil
            secret = Data()
        }
        central = try await RunningCentral(database: database, folder: folder.path, extraArguments: arguments)
    }

    func verifier(_ kiosk: String? = nil, key: KioskSigningKey? = nil, baseURL: String? = nil) -> CentralIdentityVerifier {
        let id = kiosk ?? kioskA
        return CentralIdentityVerifier(baseURL: baseURL ?? central.baseURL, kioskID: id, key: key ?? (id == kioskB ? keyB : keyA), timeout: .seconds(5))
    }

    func documents(_ kiosk: String? = nil) -> CentralDocumentSource {
        let id = kiosk ?? kioskA
        return CentralDocumentSource(baseURL: central.baseURL, kioskID: id, key: id == kioskB ? keyB : keyA, timeout: .seconds(5))
    }

    func mobileID(_ kiosk: String? = nil) -> CentralMobileIDSessions {
        let id = kiosk ?? kioskA
        return CentralMobileIDSessions(baseURL: central.baseURL, kioskID: id, key: id == kioskB ? keyB : keyA, timeout: .seconds(5))
    }

    /// The resident whose right thumb is the simulated reader's thumb of seed `thumb`.
    func enrolledResident(thumb: UInt64) throws -> RegistryResident {
        let registry = try requireValue(registry, "not seeded")
        let enrolment = try requireValue(registry.enrolments.first { $0.source == .syntheticThumb(seed: thumb) }, "thumb \(thumb) not enrolled")
        return registry.residents[enrolment.resident]
    }

    /// A resident with no thumb enrolled.
    func unenrolledResident() throws -> RegistryResident {
        let registry = try requireValue(registry, "not seeded")
        let enrolled = Set(registry.enrolments.map(\.resident))
        return try requireValue(registry.residents.first { !enrolled.contains($0.id) }, "everyone is enrolled")
    }

    /// The ISO 19794-2 record the simulated reader with seed `thumb` produces.
    static func template(thumb: UInt64) -> [UInt8] {
        MinutiaeExtractor().template(from: SyntheticThumb.image(seed: thumb)).isoRecord()
    }

    /// A verification request of `resident` presenting simulated thumb `thumb`.
    func request(_ resident: RegistryResident, thumb: UInt64, kiosk: String? = nil) -> IdentityVerificationRequest {
        IdentityVerificationRequest(
            kioskID: kiosk ?? kioskA, residentNumber: resident.residentNumber, template: Self.template(thumb: thumb), quality: 80, at: Date())
    }

    func reference(_ resident: RegistryResident) -> ResidentReference {
        ResidentReference(residentNumberDigits: resident.residentNumber.unmaskedDigits, secret: secret)
    }

    /// The audited attempts in central's database.
    func audit() async throws -> [CentralVerificationRecord] {
        try await SQLiteCentralStorage(path: database).verificationAttempts(sinceUTCMilliseconds: 0)
    }

    /// Runs a kiosk-central subcommand against this database.
    func command(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await runProcess(BuiltProducts.path("kiosk-central"), arguments + ["--database", database])
    }
}

/// `value` or a thrown failure naming `what` (usable outside a test function).
func requireValue<T>(_ value: T?, _ what: String) throws -> T {
    guard let value else { throw ChildProcess.Failure(description: what) }
    return value
}
