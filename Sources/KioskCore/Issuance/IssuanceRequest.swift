public import Foundation

/// One document the resident chose, with the id the daemon gave its issuance.
public struct IssuanceRequest: Sendable, Hashable, Codable {
    /// The issuance's id (made by the daemon; the pure state machine makes no ids).
    public var issuanceID: UUID
    /// The catalog code of the document.
    public var documentCode: String
    /// How many copies (at least 1).
    public var copies: Int
    /// Whether the document needs the resident's identity (RRN + fingerprint or mobile ID).
    public var needsIdentity: Bool
    /// The document's options as chosen on screen, opaque to the state machine.
    public var options: LedgerJSON?

    /// A request for `copies` copies of `documentCode`.
    public init(issuanceID: UUID, documentCode: String, copies: Int, needsIdentity: Bool, options: LedgerJSON? = nil) {
        self.issuanceID = issuanceID
        self.documentCode = documentCode
        self.copies = copies
        self.needsIdentity = needsIdentity
        self.options = options
    }
}
