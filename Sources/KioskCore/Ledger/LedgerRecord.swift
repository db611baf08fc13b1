public import Foundation

/// The content of one ledger entry, before the ledger seals it with a sequence number, an entry id and
/// the hash chain. The issuance state machine produces records; `KioskLedger` appends them.
///
/// No RRN, no name, no biometric data: a resident appears only as a `ResidentReference`.
public struct LedgerRecord: Sendable, Hashable, Codable {
    /// What happened.
    public var kind: LedgerEntryKind
    /// The kiosk that wrote the entry (the configured kiosk id).
    public var kioskID: String
    /// The resident's session, for entries that belong to one.
    public var sessionID: UUID?
    /// The issuance (one document in a session), for entries that belong to one.
    public var issuanceID: UUID?
    /// The catalog code of the document.
    public var documentCode: String?
    /// The number of copies of the document.
    public var copies: Int?
    /// The quote for this issuance as an opaque JSON document (fees, exemption).
    public var quote: LedgerJSON?
    /// The money this entry moves: what was paid for the issuance (`paid`), returned (`refund-started`,
    /// `refunded`, `refund-owed`), or collected/refilled by a technician.
    public var amount: Money?
    /// How the issuance was paid.
    public var paymentMethod: PaymentMethod?
    /// The payment device's reference (card approval number, cash escrow id).
    public var paymentReference: String?
    /// The printer's job id.
    public var printerJobID: Int?
    /// The number printed on the document.
    public var issuanceNumber: IssuanceNumber?
    /// SHA-256 of the PDF sent to the printer.
    public var pdfSHA256: SHA256Hash?
    /// The keyed reference of the resident, if any.
    public var residentReference: ResidentReference?
    /// A short reason or note (failure reason, configuration version, clock step); never personal data.
    public var detail: String?
    /// When the entry was made.
    public var instant: LedgerInstant

    /// A record of `kind` at `instant` for kiosk `kioskID`; every other field is optional.
    public init(
        kind: LedgerEntryKind, kioskID: String, instant: LedgerInstant, sessionID: UUID? = nil,
        issuanceID: UUID? = nil, documentCode: String? = nil, copies: Int? = nil, quote: LedgerJSON? = nil,
        amount: Money? = nil, paymentMethod: PaymentMethod? = nil, paymentReference: String? = nil,
        printerJobID: Int? = nil, issuanceNumber: IssuanceNumber? = nil, pdfSHA256: SHA256Hash? = nil,
        residentReference: ResidentReference? = nil, detail: String? = nil
    ) {
        self.kind = kind
        self.kioskID = kioskID
        self.instant = instant
        self.sessionID = sessionID
        self.issuanceID = issuanceID
        self.documentCode = documentCode
        self.copies = copies
        self.quote = quote
        self.amount = amount
        self.paymentMethod = paymentMethod
        self.paymentReference = paymentReference
        self.printerJobID = printerJobID
        self.issuanceNumber = issuanceNumber
        self.pdfSHA256 = pdfSHA256
        self.residentReference = residentReference
        self.detail = detail
    }
}
