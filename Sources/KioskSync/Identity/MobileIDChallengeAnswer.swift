/// Central's answer to `POST /v1/mobile-id/requests`: the request's id (`state`), the QR text
/// (`openid4vp://…`), where wallets fetch the request object, and the expiry in UTC milliseconds.
public struct MobileIDChallengeAnswer: Sendable, Hashable, Codable {
    /// The request's id (OpenID4VP `state`).
    public var id: String
    /// The text of the QR code.
    public var qrText: String
    /// The request object's URL (`request_uri`).
    public var requestURI: String
    /// The request is refused at or after this instant, UTC milliseconds.
    public var expiresAtUTCMilliseconds: Int64

    /// An answer.
    public init(id: String, qrText: String, requestURI: String, expiresAtUTCMilliseconds: Int64) {
        self.id = id
        self.qrText = qrText
        self.requestURI = requestURI
        self.expiresAtUTCMilliseconds = expiresAtUTCMilliseconds
    }
}
