import KioskCore

/// Entry kinds kioskd writes for every movement of money through the devices, so the cash box and the
/// card terminal can be balanced against the ledger (money in = fees kept + change + refunds). They
/// carry the session id, never an issuance id: they do not change any issuance's state.
extension LedgerEntryKind {
    /// A coin went into the cash box (`amount`).
    static let cashInserted = LedgerEntryKind(rawValue: "cash-inserted")
    /// A note was moved from escrow into the cash box (`amount`).
    static let cashStacked = LedgerEntryKind(rawValue: "cash-stacked")
    /// A note in escrow was given back (`amount`); it never reached the cash box.
    static let cashReturned = LedgerEntryKind(rawValue: "cash-returned")
    /// Coins were paid out (`amount` actually paid; `detail` says change, refund or return).
    static let cashDispensed = LedgerEntryKind(rawValue: "cash-dispensed")
    /// Money the cash module could not pay out (`amount`): owed to the resident and reported.
    static let cashOwed = LedgerEntryKind(rawValue: "cash-owed")
    /// The card terminal approved `amount` (`paymentReference` is the approval number).
    static let cardApproved = LedgerEntryKind(rawValue: "card-approved")
    /// An approval was cancelled (`amount`), reversing the charge.
    static let cardCancelled = LedgerEntryKind(rawValue: "card-cancelled")
}
