/// The body of `POST /v1/documents/{code}`: the kiosk, the verified identity (documents that need one)
/// or the lookup key the resident typed (parcel number, address), the chosen options and the instant.
public struct DocumentFetchBody: Sendable, Codable {
    /// The kiosk's id (must equal the `Kiosk-ID` header).
    public var kioskID: String
    /// The identity central confirmed earlier in the session, if the document needs one.
    public var identity: VerifiedIdentityWire?
    /// The lookup key for documents without identity.
    public var key: String?
    /// Option key → chosen value.
    public var options: [String: String]
    /// The request instant, UTC milliseconds.
    public var atUTCMilliseconds: Int64

    /// A body.
    public init(kioskID: String, identity: VerifiedIdentityWire?, key: String?, options: [String: String], atUTCMilliseconds: Int64) {
        self.kioskID = kioskID
        self.identity = identity
        self.key = key
        self.options = options
        self.atUTCMilliseconds = atUTCMilliseconds
    }
}
