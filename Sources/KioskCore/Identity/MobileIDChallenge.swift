public import Foundation

/// A one-time mobile-ID request the kiosk shows as a QR code: the text to encode (an `openid4vp://` URI),
/// the id the kiosk asks about afterwards, and when the request stops being accepted.
public struct MobileIDChallenge: Sendable, Hashable, Codable {
    /// The request's id (the OpenID4VP `state`); the kiosk polls the outcome by it.
    public var id: String
    /// The text of the QR code the resident's wallet scans.
    public var qrText: String
    /// The request is refused at or after this instant.
    public var expiresAt: Date

    /// A challenge.
    public init(id: String, qrText: String, expiresAt: Date) {
        self.id = id
        self.qrText = qrText
        self.expiresAt = expiresAt
    }
}
