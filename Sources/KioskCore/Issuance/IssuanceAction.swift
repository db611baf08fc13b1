public import Foundation

/// What the daemon must do after an event, **in the order given**. Every `appendLedger` must be durable
/// (the ledger's `append` returned) before the daemon performs any later action of the same list:
/// that is how "ledger first" is kept — `keepMoney`, `releasePrintJob` and `returnMoney` always come
/// after the entry that explains them.
public enum IssuanceAction: Sendable, Hashable {
    /// Append these records to the ledger in one atomic, durable batch; stop and go out of service if it
    /// fails (the session must not proceed to the side effects after it).
    case appendLedger([LedgerRecord])
    /// Ask the fee module for a quote of these requests; answer with `IssuanceEvent.quoteReady`.
    case requestQuote([IssuanceRequest])
    /// Start taking `Money` from the resident; answer with `paymentCompleted` or `paymentFailed`.
    case collectPayment(Money)
    /// Stop taking payment and return whatever is in escrow; nothing is kept.
    case cancelPayment
    /// Keep the money now in escrow / capture the card authorisation.
    case keepMoney(Money)
    /// Render the PDF and create the print job *held* (no page may print yet); answer with
    /// `printJobPrepared` (job id and PDF hash) or `printJobFailed`.
    case preparePrintJob(PrintJobRequest)
    /// Release the held job to the printer; answer with `printJobCompleted` or `printJobFailed`.
    case releasePrintJob(issuanceID: UUID, jobID: Int)
    /// Pay `amount` back for one issuance; answer with `moneyReturned` or `refundFailed`.
    case returnMoney(issuanceID: UUID, amount: Money)
    /// The session is over: give change and receipt if any, then wipe the RRN, fingerprint image and
    /// template from memory.
    case endSession(IssuanceSessionOutcome)
}
