/// The body of `POST /v1/mobile-id/requests`: the kiosk asking for a new presentation request.
public struct MobileIDStartBody: Sendable, Codable {
    /// The kiosk's id (must equal the `Kiosk-ID` header).
    public var kioskID: String
    /// The request instant, UTC milliseconds.
    public var atUTCMilliseconds: Int64

    /// A body.
    public init(kioskID: String, atUTCMilliseconds: Int64) {
        self.kioskID = kioskID
        self.atUTCMilliseconds = atUTCMilliseconds
    }
}
