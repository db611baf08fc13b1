/// Central's answer to `GET /v1/verify/{issuanceNumber}`: what a bank clerk needs to check that a printed
/// certificate is genuine, and nothing personal.
public struct VerificationAnswer: Sendable, Hashable, Codable {
    /// The number, formatted `NNNN-NNNN-NNNN-NNNN`.
    public var issuanceNumber: String
    /// Whether central knows the number.
    public var found: Bool
    /// The catalog code of the document.
    public var documentCode: String?
    /// When the document was printed (the `issued` entry, or `printing` if not yet confirmed), ISO 8601 UTC.
    public var issuedAt: String?
    /// The issuing kiosk's id.
    public var kioskID: String?
    /// The issuing kiosk's name.
    public var kioskName: String?
    /// The number of copies printed.
    public var copies: Int?
    /// SHA-256 of the printed PDF, hex.
    public var pdfSHA256: String?
    /// Whether the kiosk confirmed the print (`issued`) rather than only starting it (`printing`), or
    /// the issuance ended failed/refunded.
    public var status: String?

    /// An answer.
    public init(
        issuanceNumber: String, found: Bool, documentCode: String? = nil, issuedAt: String? = nil,
        kioskID: String? = nil, kioskName: String? = nil, copies: Int? = nil, pdfSHA256: String? = nil,
        status: String? = nil
    ) {
        self.issuanceNumber = issuanceNumber
        self.found = found
        self.documentCode = documentCode
        self.issuedAt = issuedAt
        self.kioskID = kioskID
        self.kioskName = kioskName
        self.copies = copies
        self.pdfSHA256 = pdfSHA256
        self.status = status
    }
}
