import Foundation

/// JWS compact serialisation (RFC 7515) with EdDSA/Ed25519 (RFC 8037): `header.payload.signature`,
/// each part base64url; the signature covers `header.payload` as ASCII.
struct CompactJWS {
    let header: [UInt8]
    let payload: [UInt8]
    let signature: [UInt8]
    /// `header.payload`, the signed bytes.
    let signingInput: [UInt8]

    static func sign(type: String, payload: [UInt8], with key: SigningKey) -> String {
        let header = Array(#"{"alg":"EdDSA","typ":"\#(type)"}"#.utf8)
        let input = Base64URL.encode(header) + "." + Base64URL.encode(payload)
        return input + "." + Base64URL.encode(key.sign(Array(input.utf8)))
    }

    /// Splits `text`; `nil` unless it has three base64url parts and an EdDSA header of type `type`.
    init?(_ text: some StringProtocol, type: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Base64URL.decode(parts[0]), let payload = Base64URL.decode(parts[1]),
              let signature = Base64URL.decode(parts[2]),
              let fields = try? JSONDecoder().decode([String: String].self, from: Data(header)),
              fields["alg"] == "EdDSA", fields["typ"] == type
        else { return nil }
        self.header = header
        self.payload = payload
        self.signature = signature
        signingInput = Array((parts[0] + "." + parts[1]).utf8)
    }

    func isSigned(by key: PublicKey) -> Bool { key.isValidSignature(signature, for: signingInput) }
}
