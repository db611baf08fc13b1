/// A kiosk in central's registry.
public struct CentralKiosk: Sendable, Hashable, Codable {
    /// The kiosk id (as in its `kiosk.toml`).
    public var id: String
    /// Its Ed25519 public key, base64.
    public var publicKey: String
    /// A display name.
    public var name: String
    /// Where it stands.
    public var location: String
    /// The district (구/군) it belongs to.
    public var district: String
    /// Why it is flagged as tampered, if it is.
    public var tamperedReason: String?

    /// A registry entry.
    public init(id: String, publicKey: String, name: String, location: String, district: String, tamperedReason: String? = nil) {
        self.id = id
        self.publicKey = publicKey
        self.name = name
        self.location = location
        self.district = district
        self.tamperedReason = tamperedReason
    }
}
