import Crypto
import Foundation
import KioskConfig
import KioskCore
import KioskRegistry
import KioskSync

/// The back-ends behind the identity step and document content: who verifies a resident's thumb, who
/// answers a document's content, and (for kiosk-central only) who runs the mobile-ID fallback.
/// `central` signs every request with the kiosk's sync key; `synthetic` is an in-process demo registry.
struct IdentityBackend: Sendable {
    /// Why the configured back-end cannot be set up.
    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    /// `central` or `synthetic`.
    let name: String
    let verifier: any IdentityVerifier
    let documents: any DocumentSource
    let mobileID: (any MobileIDSessions)?
    /// kiosk-central's agency report (which documents the back-end answers now); `central` only.
    var agencies: CentralAgencyStatus? = nil

    /// The back-end `configuration` names, or `nil` when it names none.
    static func make(_ configuration: KioskConfiguration, today: LocalDate) throws(SetupError) -> IdentityBackend? {
        switch configuration.identity.backend {
        case nil:
            return nil
        case "synthetic":
            let seed = UInt64(configuration.identity.syntheticSeed)
            let registry = SyntheticRegistry(.init(seed: seed, households: configuration.identity.syntheticHouseholds, asOf: today))
            let secret = Self.syntheticSecret(seed: seed)
            return IdentityBackend(
                name: "synthetic", verifier: RegistryVerifier(registry: registry, secret: secret),
                documents: RegistryDocumentSource(registry: registry, secret: secret), mobileID: nil)
        case "central":
            guard let url = configuration.syncURL, let keyPath = configuration.syncKeyPath else {
                throw SetupError(description: "the central identity back-end needs [sync] url and key_file")
            }
            let key: KioskSigningKey
            let trust: SyncTrust?
            do {
                key = try KioskSigningKey(contentsOf: keyPath)
                // The same CA the sync client trusts: over HTTPS no other certificate is accepted.
                trust = try configuration.syncCAFile.map { path throws(SyncTrustError) in try SyncTrust(caFile: path) }
            } catch {
                throw SetupError(description: "the central identity back-end cannot read the kiosk key or CA file: \(error)")
            }
            let kioskID = configuration.kiosk.id
            return IdentityBackend(
                name: "central", verifier: CentralIdentityVerifier(baseURL: url, kioskID: kioskID, key: key, trust: trust),
                documents: CentralDocumentSource(baseURL: url, kioskID: kioskID, key: key, trust: trust),
                mobileID: CentralMobileIDSessions(baseURL: url, kioskID: kioskID, key: key, trust: trust),
                agencies: CentralAgencyStatus(baseURL: url, kioskID: kioskID, key: key, trust: trust))
        case let other?:
            throw SetupError(description: "identity back-end \"\(other)\" is not available in this kioskd")
        }
    }

    /// The in-process synthetic registry's reference secret: derived from the seed, because the demo
    /// registry holds no real person (a real back-end keeps its secret to itself).
    static func syntheticSecret(seed: UInt64) -> Data {
        Data(SHA256.hash(data: Data("kioskd synthetic registry \(seed)".utf8)))
    }
}
