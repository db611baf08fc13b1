/// How kiosk-central serves identity, documents and mobile ID: the trusted mobile-ID issuers, the URL
/// wallets reach it at, the brute-force guard and the agencies' service hours.
public struct CentralIdentityConfiguration: Sendable {
    /// Mobile-ID issuer id (`iss`) → its Ed25519 public key, base64url (`kiosk-wallet issuer-key` prints it).
    public var trustedIssuers: [String: String] = [:]
    /// The base URL wallets reach central at (QR codes point there); `nil`: the `Host` the kiosk used.
    public var publicURL: String?
    /// This verifier's OpenID4VP `client_id`.
    public var clientID = "kiosk-central"
    /// How long a mobile-ID request stays valid, seconds.
    public var mobileIDValiditySeconds: Double = 180
    /// Failed fingerprint attempts per RRN within `failureWindowSeconds` (across all kiosks) before a lock-out.
    public var maximumFailures = 5
    /// The window failures are counted in, seconds.
    public var failureWindowSeconds: Double = 3600
    /// How long a lock-out lasts, seconds.
    public var lockoutSeconds: Double = 3600
    /// Agency → service hours (OpenStreetMap `opening_hours` subset); agencies not listed are open 24/7.
    public var agencyHours: [String: String] = [:]

    /// The defaults: no trusted issuer, 180 s requests, 5 failures per hour then one hour locked, agencies 24/7.
    public init() {}
}
