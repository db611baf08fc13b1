/// One audited verification attempt: the kiosk, the resident's keyed reference (never the RRN), the
/// result (`verified`, `not-matched`, `not-enrolled`, `locked-out`, or `malformed-template` for a template
/// that could not be read and was not evaluated), the capture quality the kiosk
/// reported, the matcher's score when a comparison was made, and the instant.
public struct CentralVerificationRecord: Sendable, Hashable {
    /// The kiosk that asked.
    public var kioskID: String
    /// The resident reference, 64 hex digits.
    public var residentReference: String
    /// `verified`, `not-matched`, `not-enrolled`, `locked-out` or `malformed-template`.
    public var result: String
    /// Capture quality, 0–100.
    public var quality: Int
    /// The matcher's score; `nil` when no comparison was made.
    public var score: Double?
    /// The attempt's instant, UTC milliseconds.
    public var atUTCMilliseconds: Int64

    /// A record.
    public init(kioskID: String, residentReference: String, result: String, quality: Int, score: Double?, atUTCMilliseconds: Int64) {
        self.kioskID = kioskID
        self.residentReference = residentReference
        self.result = result
        self.quality = quality
        self.score = score
        self.atUTCMilliseconds = atUTCMilliseconds
    }
}
