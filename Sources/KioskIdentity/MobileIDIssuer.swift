public import Foundation

/// Issues mobile-ID credentials: compact JWS (`typ` `kr-mid+jwt`) over `MobileIDClaims`, signed with the
/// issuer's credential key. In production the issuing authority does this; here the wallet tool and the
/// tests use a test issuer key.
public struct MobileIDIssuer: Sendable {
    /// The issuer's id (`iss`).
    public let id: String
    private let key: SigningKey

    /// An issuer named `id` signing with `key`.
    public init(id: String, key: SigningKey) {
        self.id = id
        self.key = key
    }

    /// The key verifiers must trust for this issuer.
    public var publicKey: PublicKey { key.publicKey }

    /// A credential for the holder of `holderKey`, valid from `issuedAt` for `validFor` seconds.
    public func issue(name: String, residentNumber: String, holderKey: PublicKey, credentialID: String,
                      issuedAt: Date, validFor: TimeInterval) -> String {
        let claims = MobileIDClaims(
            issuer: id, credentialID: credentialID, issuedAt: Int(issuedAt.timeIntervalSince1970),
            expiresAt: Int(issuedAt.addingTimeInterval(validFor).timeIntervalSince1970), name: name,
            residentNumber: residentNumber, holderKey: holderKey)
        return Self.sign(claims, with: key)
    }

    /// Signs arbitrary claims (tests use it to build credentials a real issuer would not).
    static func sign(_ claims: MobileIDClaims, with key: SigningKey) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payload = Array((try? encoder.encode(claims)) ?? Data())
        return CompactJWS.sign(type: MobileIDCredentialFormat.credentialType, payload: payload, with: key)
    }
}

/// The JWS `typ` values of the two parts of a presentation.
enum MobileIDCredentialFormat {
    /// The issuer-signed credential.
    static let credentialType = "kr-mid+jwt"
    /// The holder's key-binding JWT (as in SD-JWT).
    static let keyBindingType = "kb+jwt"
}
