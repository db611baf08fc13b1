/// Device-specific status details; only the fields that apply to the device are set.
public struct DeviceDetails: Sendable, Codable, Equatable {
    /// Printer paper level.
    public var paper: SupplyLevel?
    /// Printer toner level.
    public var toner: SupplyLevel?
    /// Printer cover or door open.
    public var coverOpen: Bool?
    /// Paper jam (printer) or coin/note jam (cash).
    public var jammed: Bool?
    /// Coins/notes per denomination in the payout hoppers (cash).
    public var cashLevels: [CashLevel]?
    /// How full the cash box is (cash).
    public var cashBox: SupplyLevel?
    /// Raw device conditions as the device reported them (e.g. IPP `media-empty`), for technicians.
    public var conditions: [String]

    /// Details with the given fields; everything else unset.
    public init(
        paper: SupplyLevel? = nil, toner: SupplyLevel? = nil, coverOpen: Bool? = nil, jammed: Bool? = nil,
        cashLevels: [CashLevel]? = nil, cashBox: SupplyLevel? = nil, conditions: [String] = []
    ) {
        self.paper = paper
        self.toner = toner
        self.coverOpen = coverOpen
        self.jammed = jammed
        self.cashLevels = cashLevels
        self.cashBox = cashBox
        self.conditions = conditions
    }
}
