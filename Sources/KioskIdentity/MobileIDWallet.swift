public import Foundation

/// The resident's phone, reduced to what the protocol needs: a credential and the holder key it is bound
/// to. Used by the `kiosk-wallet` tool and the tests; it signs whatever request it is given (the verifier
/// is the one that refuses).
public struct MobileIDWallet: Sendable, Codable {
    /// The issuer-signed credential (compact JWS).
    public var credential: String
    /// The holder key, base64url seed.
    public var holderKey: String

    private enum CodingKeys: String, CodingKey {
        case credential, holderKey = "holder_key"
    }

    /// A wallet holding `credential` bound to `holderKey`.
    public init(credential: String, holderKey: SigningKey) {
        self.credential = credential
        self.holderKey = holderKey.base64url
    }

    /// The presentation answering `request`, signed at `now`.
    /// - Throws: `KeyFormatError` when the stored holder key is unreadable.
    public func present(to request: PresentationRequest, at now: Date) throws(KeyFormatError) -> PresentationResponse {
        let key = try SigningKey(base64url: holderKey)
        let claims = KeyBindingClaims(
            iat: Int(now.timeIntervalSince1970), aud: request.clientID, nonce: request.nonce,
            sd_hash: KeyBindingClaims.credentialHash(credential))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let payload = Array((try? encoder.encode(claims)) ?? Data())
        let binding = CompactJWS.sign(type: MobileIDCredentialFormat.keyBindingType, payload: payload, with: key)
        return PresentationResponse(vpToken: credential + "~" + binding, state: request.state)
    }
}
