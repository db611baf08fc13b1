/// The state of one issuance (one document in a session) once it is paid for. Before payment a session
/// has only its `IssuanceSession.Phase`; from payment on each issuance has its own state and outcome.
///
/// `paid → printing → issued`, or `paid | printing → failed → refunding → refunded | refundOwed`.
/// `issued`, `refunded` and `refundOwed` are terminal.
public enum IssuanceState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Paid (ledger `paid` durable, money kept); the print job is being prepared.
    case paid
    /// The print job exists (ledger `printing` durable) and is released to the printer.
    case printing
    /// The printer completed the job. Terminal.
    case issued
    /// The issuance could not be printed; its refund has not started.
    case failed
    /// The refund is being paid out (ledger `refund-started` durable).
    case refunding
    /// The refund was paid out. Terminal.
    case refunded
    /// The refund could not be paid out and is owed. Terminal.
    case refundOwed = "refund-owed"

    /// Whether nothing more happens to the issuance.
    public var isTerminal: Bool { self == .issued || self == .refunded || self == .refundOwed }

    /// The state an issuance is in when `kind` is its last ledger entry (for recovery at start);
    /// `nil` for kinds that do not belong to a paid issuance.
    public init?(lastEntryKind kind: LedgerEntryKind) {
        switch kind {
        case .paid, .reprintRequested: self = .paid
        case .printing: self = .printing
        case .issued: self = .issued
        case .failed: self = .failed
        case .refundStarted: self = .refunding
        case .refunded: self = .refunded
        case .refundOwed: self = .refundOwed
        default: return nil
        }
    }
}
