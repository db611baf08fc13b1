/// What `kiosk-central registry seed` stores so that `serve` rebuilds the same synthetic registry:
/// generator seed, size, "today", the number of synthetic thumbs enrolled, and the secret that keys
/// resident references.
public struct RegistryParameters: Sendable, Hashable {
    /// The generator's seed.
    public var seed: UInt64
    /// Households generated.
    public var households: Int
    /// The registry's "today", `YYYY-MM-DD`.
    public var asOf: String
    /// Heads of household enrolled with synthetic thumbs 1…n.
    public var syntheticThumbs: Int
    /// The HMAC secret of resident references, hex (32 bytes).
    public var secretHex: String
    /// When it was seeded, UTC milliseconds.
    public var seededAtUTCMilliseconds: Int64

    /// Parameters.
    public init(seed: UInt64, households: Int, asOf: String, syntheticThumbs: Int, secretHex: String, seededAtUTCMilliseconds: Int64) {
        self.seed = seed
        self.households = households
        self.asOf = asOf
        self.syntheticThumbs = syntheticThumbs
        self.secretHex = secretHex
        self.seededAtUTCMilliseconds = seededAtUTCMilliseconds
    }
}
