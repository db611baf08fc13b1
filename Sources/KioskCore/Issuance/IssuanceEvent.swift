public import Foundation

/// Everything that can happen to a session: the resident's choices, the devices' answers, timeouts.
public enum IssuanceEvent: Sendable, Hashable {
    /// The resident chose these documents (choosing). Goes to identifying if any needs identity and it is
    /// not verified yet, otherwise to options.
    case documentsChosen([IssuanceRequest])
    /// The resident's identity was verified (identifying); the reference is the keyed hash of the RRN.
    case identityVerified(ResidentReference?)
    /// An identity check failed (identifying); the resident may retry or cancel.
    case identityFailed(reason: String)
    /// The resident changed the copies of one document (options).
    case copiesChanged(issuanceID: UUID, copies: Int)
    /// The resident confirmed the options (options): the state machine asks for a quote.
    case optionsConfirmed
    /// The fee module's quote (options, after `optionsConfirmed`).
    case quoteReady([QuotedIssuance])
    /// The resident went one screen back (options → choosing, quoted → options).
    case back
    /// The resident accepted the quote (quoted): payment starts.
    case quoteAccepted
    /// The payment device took the money (paying). Brings one issuance number per issuance, in the
    /// order the documents were chosen.
    case paymentCompleted(PaymentReceipt, issuanceNumbers: [IssuanceNumber])
    /// The payment did not go through (paying): back to quoted, nothing kept.
    case paymentFailed(reason: String)
    /// The resident pressed cancel (before payment).
    case cancel
    /// The idle timer ran out. Before payment the session is abandoned; after payment it is ignored —
    /// paid issuances still finish printed or refunded.
    case timeout
    /// The held print job exists (paid).
    case printJobPrepared(issuanceID: UUID, jobID: Int, pdfSHA256: SHA256Hash)
    /// The printer completed the job (printing).
    case printJobCompleted(issuanceID: UUID)
    /// The job could not be prepared or printed (paid or printing).
    case printJobFailed(issuanceID: UUID, reason: String)
    /// The printer jammed during the issuance's job (the job is cancelled): the resident is asked whether
    /// to print it again or take a refund (fulfilling).
    case printJobJammed(issuanceID: UUID, reason: String)
    /// The resident's answer to a jam: print again (same number) or refund (fulfilling).
    case reprintDecided(issuanceID: UUID, reprint: Bool)
    /// The refund of one issuance was paid out (refunding).
    case moneyReturned(issuanceID: UUID)
    /// The refund could not be paid out (refunding): it is owed.
    case refundFailed(issuanceID: UUID, reason: String)
    /// A device or the ledger failed: before payment the session ends; after payment the issuances not
    /// yet printing fail and are refunded, those printing wait for their job's outcome.
    case outOfService(reason: String)

    /// The event's name, for errors and logs.
    public var name: String {
        switch self {
        case .documentsChosen: "documentsChosen"
        case .identityVerified: "identityVerified"
        case .identityFailed: "identityFailed"
        case .copiesChanged: "copiesChanged"
        case .optionsConfirmed: "optionsConfirmed"
        case .quoteReady: "quoteReady"
        case .back: "back"
        case .quoteAccepted: "quoteAccepted"
        case .paymentCompleted: "paymentCompleted"
        case .paymentFailed: "paymentFailed"
        case .cancel: "cancel"
        case .timeout: "timeout"
        case .printJobPrepared: "printJobPrepared"
        case .printJobCompleted: "printJobCompleted"
        case .printJobFailed: "printJobFailed"
        case .printJobJammed: "printJobJammed"
        case .reprintDecided: "reprintDecided"
        case .moneyReturned: "moneyReturned"
        case .refundFailed: "refundFailed"
        case .outOfService: "outOfService"
        }
    }
}
