/// What a mobile-ID credential asserts about its holder (the payload of the issuer-signed JWS, in the
/// shape of an SD-JWT VC without selective disclosure). JSON keys follow JWT/OpenID names.
public struct MobileIDClaims: Sendable, Hashable, Codable {
    /// The issuer's id (`iss`), looked up in the verifier's trusted issuers.
    public var issuer: String
    /// The credential type (`vct`), `kr.mobile-id.resident`.
    public var type: String
    /// The credential's serial (`jti`).
    public var credentialID: String
    /// Issued at, seconds since 1970 (`iat`).
    public var issuedAt: Int
    /// Not valid at or after, seconds since 1970 (`exp`).
    public var expiresAt: Int
    /// The holder's name (`name`).
    public var name: String
    /// The holder's 13-digit resident registration number (`resident_number`), no hyphen.
    public var residentNumber: String
    /// The holder's Ed25519 public key, base64url (`cnf.jwk.x`): the presentation must be signed with it.
    public var holderKey: String

    /// The credential type every claim set here carries.
    public static let credentialType = "kr.mobile-id.resident"

    /// Claims.
    public init(issuer: String, credentialID: String, issuedAt: Int, expiresAt: Int, name: String,
                residentNumber: String, holderKey: PublicKey) {
        self.issuer = issuer
        self.type = Self.credentialType
        self.credentialID = credentialID
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.name = name
        self.residentNumber = residentNumber
        self.holderKey = holderKey.base64url
    }

    private struct Confirmation: Codable {
        struct JWK: Codable {
            var kty = "OKP"
            var crv = "Ed25519"
            var x: String
        }
        var jwk: JWK
    }

    private enum CodingKeys: String, CodingKey {
        case issuer = "iss", type = "vct", credentialID = "jti", issuedAt = "iat", expiresAt = "exp", name
        case residentNumber = "resident_number", confirmation = "cnf"
    }

    /// Decodes the JWT claim names.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        issuer = try c.decode(String.self, forKey: .issuer)
        type = try c.decode(String.self, forKey: .type)
        credentialID = try c.decode(String.self, forKey: .credentialID)
        issuedAt = try c.decode(Int.self, forKey: .issuedAt)
        expiresAt = try c.decode(Int.self, forKey: .expiresAt)
        name = try c.decode(String.self, forKey: .name)
        residentNumber = try c.decode(String.self, forKey: .residentNumber)
        let confirmation = try c.decode(Confirmation.self, forKey: .confirmation)
        guard confirmation.jwk.kty == "OKP", confirmation.jwk.crv == "Ed25519" else {
            throw DecodingError.dataCorruptedError(forKey: .confirmation, in: c, debugDescription: "cnf.jwk must be an Ed25519 OKP key")
        }
        holderKey = confirmation.jwk.x
    }

    /// Encodes the JWT claim names.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(type, forKey: .type)
        try c.encode(credentialID, forKey: .credentialID)
        try c.encode(issuedAt, forKey: .issuedAt)
        try c.encode(expiresAt, forKey: .expiresAt)
        try c.encode(name, forKey: .name)
        try c.encode(residentNumber, forKey: .residentNumber)
        try c.encode(Confirmation(jwk: .init(x: holderKey)), forKey: .confirmation)
    }
}
