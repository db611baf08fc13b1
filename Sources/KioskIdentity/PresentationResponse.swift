/// What the wallet posts to the `response_uri` (OpenID4VP `direct_post`): the VP token and the request's
/// `state`. The token is `credential~kb-jwt`: the issuer-signed credential and the holder's key-binding
/// JWS over the nonce, the audience and the hash of the credential (the SD-JWT presentation shape).
public struct PresentationResponse: Sendable, Hashable, Codable {
    /// `credential~kb-jwt`.
    public var vpToken: String
    /// The request's `state`.
    public var state: String

    private enum CodingKeys: String, CodingKey {
        case vpToken = "vp_token", state
    }

    /// A response.
    public init(vpToken: String, state: String) {
        self.vpToken = vpToken
        self.state = state
    }
}
