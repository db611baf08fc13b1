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

/// The quote for one issuance: what it costs and the full quote as an opaque JSON document
/// (the fee module's `Quote`, encoded).
public struct QuotedIssuance: Sendable, Hashable, Codable {
    /// The issuance quoted.
    public var issuanceID: UUID
    /// What the resident pays for it (all copies, after exemptions); zero is allowed.
    public var amount: Money
    /// The quote, recorded as is in the `paid` entry.
    public var quote: LedgerJSON

    /// A quote of `amount` for `issuanceID`.
    public init(issuanceID: UUID, amount: Money, quote: LedgerJSON) {
        self.issuanceID = issuanceID
        self.amount = amount
        self.quote = quote
    }
}

/// What the payment device reports when the resident has paid (money in escrow or card authorised,
/// not yet kept).
public struct PaymentReceipt: Sendable, Hashable, Codable {
    /// How it was paid.
    public var method: PaymentMethod
    /// The device's reference (approval number, escrow id).
    public var reference: String?
    /// The amount paid; must equal the quoted total.
    public var amount: Money

    /// A receipt of `amount` paid by `method`.
    public init(method: PaymentMethod, reference: String?, amount: Money) {
        self.method = method
        self.reference = reference
        self.amount = amount
    }
}

/// What the daemon needs to prepare one print job.
public struct PrintJobRequest: Sendable, Hashable {
    /// The issuance printed.
    public var issuanceID: UUID
    /// The number to print on the document.
    public var issuanceNumber: IssuanceNumber
    /// The catalog code of the document.
    public var documentCode: String
    /// How many copies.
    public var copies: Int
    /// The options chosen.
    public var options: LedgerJSON?

    /// A job request for `copies` copies of `documentCode` bearing `issuanceNumber`.
    public init(issuanceID: UUID, issuanceNumber: IssuanceNumber, documentCode: String, copies: Int, options: LedgerJSON?) {
        self.issuanceID = issuanceID
        self.issuanceNumber = issuanceNumber
        self.documentCode = documentCode
        self.copies = copies
        self.options = options
    }
}
