public import Foundation
public import KioskCore
public import KioskRegistry

/// `kiosk-central registry seed`: chooses the registry's parameters and stores them (with a fresh secret)
/// so that `serve` rebuilds the same synthetic registry at every start.
public enum CentralRegistrySeeding {
    /// What was seeded.
    public struct Summary: Sendable {
        /// The stored parameters.
        public var parameters: RegistryParameters
        /// Residents in the registry.
        public var residents: Int
        /// The enrolled heads of household: synthetic thumb seed → masked RRN (for demos and tests).
        public var enrolled: [(thumbSeed: UInt64, maskedNumber: String)]
    }

    /// The enrolled residents of the registry stored in `storage`.
    /// - Throws: `Refusal` when no registry is seeded; `CentralStorageError`.
    public static func enrolled(storage: any CentralIdentityStorage) async throws -> [EnrolledResident] {
        guard let parameters = try await storage.registryParameters() else {
            throw Refusal(description: "no registry is seeded: run `kiosk-central registry seed --residents N`")
        }
        return try CentralRegistry(parameters: parameters).registry.enrolledResidents()
    }

    /// Why seeding was refused.
    public struct Refusal: Error, CustomStringConvertible {
        /// The reason.
        public var description: String
    }

    /// Seeds a registry of at least `residents` residents (whole households: the smallest number of
    /// households reaching it) from `seed`, dated `asOf`, with `syntheticThumbs` enrolled heads.
    /// - Throws: `Refusal` when a registry is already seeded and `replace` is false (replacing changes the
    ///   secret: earlier resident references no longer resolve), or bad arguments; `CentralStorageError`.
    public static func seed(
        storage: any CentralIdentityStorage, residents: Int, seed: UInt64, asOf: LocalDate, syntheticThumbs: Int,
        replace: Bool, now: Date
    ) async throws -> Summary {
        guard residents >= 1 else { throw Refusal(description: "--residents must be at least 1, got \(residents)") }
        guard syntheticThumbs >= 0 else { throw Refusal(description: "--synthetic-thumbs must not be negative") }
        if !replace, let existing = try await storage.registryParameters() {
            throw Refusal(description: "a registry is already seeded (seed \(existing.seed), \(existing.households) households); "
                + "pass --replace to replace it (resident references issued so far stop resolving)")
        }
        // Households are drawn one after another, so a smaller registry is a prefix of a larger one.
        let sizing = SyntheticRegistry(.init(seed: seed, households: residents, asOf: asOf, syntheticThumbs: 0))
        var households = 0
        var count = 0
        while count < residents, households < sizing.households.count {
            count += sizing.households[households].members.count
            households += 1
        }
        households = max(households, syntheticThumbs, 1)
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let parameters = RegistryParameters(
            seed: seed, households: households, asOf: asOf.description, syntheticThumbs: syntheticThumbs, secretHex: secret,
            seededAtUTCMilliseconds: Int64(now.timeIntervalSince1970 * 1000))
        try await storage.storeRegistryParameters(parameters)
        let registry = try CentralRegistry(parameters: parameters).registry
        let enrolled = registry.enrolments.compactMap { enrolment -> (UInt64, String)? in
            guard case .syntheticThumb(let thumb) = enrolment.source else { return nil }
            return (thumb, registry.residents[enrolment.resident].residentNumber.masked)
        }
        return Summary(parameters: parameters, residents: registry.residents.count, enrolled: enrolled)
    }
}
