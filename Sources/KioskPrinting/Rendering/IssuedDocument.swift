public import KioskCore

/// Everything printed on one issued document: its content, the options the resident chose, the
/// issue date and authority, and the issuance number with the URL that verifies it.
public struct IssuedDocument: Sendable, Equatable {
    /// The document's content.
    public var content: DocumentContent
    /// The options the resident chose, printed on the first page (`주민등록번호 뒷자리` / `표시 안 함`).
    public var options: [DocumentField]
    /// The date of issue.
    public var issueDate: IssueDate
    /// The issuing authority, e.g. `서울특별시 종로구 청운효자동장`, printed beside the seal box.
    public var authority: String
    /// The 16-digit issuance number `NNNN-NNNN-NNNN-NNNN`, printed on every page.
    public var issuanceNumber: String
    /// The verification URL; the QR code carries it with the number (see `DocumentRenderer.verificationPayload`).
    public var verificationURL: String

    /// A document to render.
    public init(content: DocumentContent, options: [DocumentField], issueDate: IssueDate, authority: String,
                issuanceNumber: String, verificationURL: String) {
        self.content = content
        self.options = options
        self.issueDate = issueDate
        self.authority = authority
        self.issuanceNumber = issuanceNumber
        self.verificationURL = verificationURL
    }
}
