/// What a ledger entry records. A struct over its stored name so the set can grow without breaking
/// readers; unknown names read from a file are kept as they are (and still hash-verified).
public struct LedgerEntryKind: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The stored name, kebab-case (`refund-owed`).
    public let rawValue: String

    /// A kind with the stored name `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The payment for an issuance is taken; written before the money is kept.
    public static let paid = LedgerEntryKind(rawValue: "paid")
    /// A print job exists for the issuance (job id, issuance number, PDF hash); written before the job
    /// is released to the printer.
    public static let printing = LedgerEntryKind(rawValue: "printing")
    /// The printer completed the job: the document is in the resident's hands. Terminal.
    public static let issued = LedgerEntryKind(rawValue: "issued")
    /// The issuance could not be printed; a refund follows.
    public static let failed = LedgerEntryKind(rawValue: "failed")
    /// The refund of an issuance is about to be paid out; written before the money is returned.
    public static let refundStarted = LedgerEntryKind(rawValue: "refund-started")
    /// The refund was paid out. Terminal.
    public static let refunded = LedgerEntryKind(rawValue: "refunded")
    /// The refund could not be paid out (device fault, the resident left during recovery): the kiosk
    /// owes it and reports it to central. Terminal.
    public static let refundOwed = LedgerEntryKind(rawValue: "refund-owed")
    /// A session ended before payment after the resident's identity was checked. Terminal.
    public static let abandonedAfterIdentity = LedgerEntryKind(rawValue: "abandoned-after-identity")
    /// A technician emptied the cash box.
    public static let cashCollected = LedgerEntryKind(rawValue: "cash-collected")
    /// A technician refilled the change dispenser.
    public static let cashRefilled = LedgerEntryKind(rawValue: "cash-refilled")
    /// A technician refilled the paper.
    public static let paperRefilled = LedgerEntryKind(rawValue: "paper-refilled")
    /// Maintenance mode began.
    public static let maintenanceOn = LedgerEntryKind(rawValue: "maintenance-on")
    /// Maintenance mode ended.
    public static let maintenanceOff = LedgerEntryKind(rawValue: "maintenance-off")
    /// The configuration (catalog, fees, hours) changed; `detail` names the version.
    public static let configChanged = LedgerEntryKind(rawValue: "config-changed")
    /// The wall clock was adjusted; `detail` gives the step.
    public static let clockAdjusted = LedgerEntryKind(rawValue: "clock-adjusted")

    /// A coin went into the cash box (`amount`). Money kinds carry the session id, never an issuance
    /// id: they do not change an issuance's state, they let the cash box and the card terminal be
    /// balanced against the ledger (money in = fees kept + change + refunds).
    public static let cashInserted = LedgerEntryKind(rawValue: "cash-inserted")
    /// A note was moved from escrow into the cash box (`amount`).
    public static let cashStacked = LedgerEntryKind(rawValue: "cash-stacked")
    /// A note in escrow was given back (`amount`); it never reached the cash box.
    public static let cashReturned = LedgerEntryKind(rawValue: "cash-returned")
    /// Coins were paid out (`amount` actually paid; `detail` says change, refund or return).
    public static let cashDispensed = LedgerEntryKind(rawValue: "cash-dispensed")
    /// Money the cash module could not pay out (`amount`): owed to the resident and reported.
    public static let cashOwed = LedgerEntryKind(rawValue: "cash-owed")
    /// The card terminal approved `amount` (`paymentReference` is the approval number).
    public static let cardApproved = LedgerEntryKind(rawValue: "card-approved")
    /// An approval was cancelled (`amount`), reversing the charge.
    public static let cardCancelled = LedgerEntryKind(rawValue: "card-cancelled")
    /// A technician's test print (`kioskctl printer test`): the test number, job id and outcome in
    /// `detail`; no money, no resident.
    public static let testPrint = LedgerEntryKind(rawValue: "test-print")
    /// The printer jammed mid-job and the resident chose a reprint: the same issuance number is printed
    /// again (the jammed job is cancelled first); `detail` has the jam. Counted once: only `issued` counts.
    public static let reprintRequested = LedgerEntryKind(rawValue: "reprint-requested")
    /// A resident's one-tap satisfaction rating after a session ended (issue 10): `detail` is
    /// `rating=N` (1–5), `sessionID` the session; no money, no personal data.
    public static let feedback = LedgerEntryKind(rawValue: "feedback")
    /// Every kind this version knows: the kinds in its order, then money movements and tests.
    public static let all: [LedgerEntryKind] = [
        .paid, .printing, .issued, .failed, .refundStarted, .refunded, .refundOwed, .abandonedAfterIdentity,
        .cashCollected, .cashRefilled, .paperRefilled, .maintenanceOn, .maintenanceOff, .configChanged,
        .clockAdjusted, .cashInserted, .cashStacked, .cashReturned, .cashDispensed, .cashOwed, .cardApproved,
        .cardCancelled, .testPrint, .reprintRequested, .feedback,
    ]

    /// Kinds after which an issuance needs nothing more: `issued`, `refunded`, `refund-owed`,
    /// `abandoned-after-identity`. Recovery at start reconciles every issuance whose last entry is not one.
    public static let terminal: Set<LedgerEntryKind> = [.issued, .refunded, .refundOwed, .abandonedAfterIdentity]

    /// Whether an issuance whose last entry has this kind is finished.
    public var isTerminal: Bool { Self.terminal.contains(self) }

    /// Whether this version of the software knows the kind.
    public var isKnown: Bool { Self.all.contains(self) }

    /// The stored name.
    public var description: String { rawValue }

    /// Decodes the stored name.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the stored name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
