/// The body of `POST /v1/identity/verify`: the kiosk, the RRN the resident typed (13 digits), the
/// captured right thumb as an ISO/IEC 19794-2 record in base64, its quality and the capture instant.
public struct IdentityVerifyBody: Sendable, Codable {
    /// The kiosk's id (must equal the `Kiosk-ID` header).
    public var kioskID: String
    /// The 13 digits, no hyphen.
    public var residentNumber: String
    /// The ISO/IEC 19794-2 record, base64.
    public var template: String
    /// Capture quality, 0–100.
    public var quality: Int
    /// Capture instant, UTC milliseconds.
    public var atUTCMilliseconds: Int64

    /// A body.
    public init(kioskID: String, residentNumber: String, template: String, quality: Int, atUTCMilliseconds: Int64) {
        self.kioskID = kioskID
        self.residentNumber = residentNumber
        self.template = template
        self.quality = quality
        self.atUTCMilliseconds = atUTCMilliseconds
    }
}
