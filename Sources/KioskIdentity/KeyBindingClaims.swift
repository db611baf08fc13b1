import Crypto
import Foundation

/// The payload of the holder's key-binding JWS: when, for whom, which nonce, and which credential.
struct KeyBindingClaims: Codable {
    /// Signed at, seconds since 1970.
    var iat: Int
    /// The verifier's `client_id`.
    var aud: String
    /// The request's nonce.
    var nonce: String
    /// base64url SHA-256 of `credential~`, binding this signature to that credential.
    var sd_hash: String

    static func credentialHash(_ credential: some StringProtocol) -> String {
        Base64URL.encode(SHA256.hash(data: Data((credential + "~").utf8)))
    }
}
