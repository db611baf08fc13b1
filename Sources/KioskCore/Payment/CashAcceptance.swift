/// What the cash slot may take now, as `ChangePlanner.acceptance` decides it.
public struct CashAcceptance: Sendable, Hashable, Codable {
    /// Whether the kiosk can give change, or only takes the exact amount (or a card).
    public enum Mode: String, Sendable, Hashable, Codable {
        /// Every denomination the module takes is accepted: change can be given for each.
        case changeAvailable
        /// Some denominations above the amount due are refused because their change cannot be paid:
        /// the screen says "exact amount or card only" (정확한 금액 또는 카드만 가능), the kiosk keeps working.
        case exactAmountOrCardOnly
        /// Nothing is due.
        case nothingDue
    }

    /// The denominations to enable at the slot.
    public var accepted: Set<Money>
    /// Denominations refused, each with the reason (for the screen and the technician log).
    public var refused: [Money: String]
    /// The mode the screen shows.
    public var mode: Mode

    /// An acceptance decision.
    public init(accepted: Set<Money>, refused: [Money: String], mode: Mode) {
        self.accepted = accepted
        self.refused = refused
        self.mode = mode
    }
}
