/// The answer to `cash status`: change left in the hoppers and, for the simulated module, the cash box.
public struct CashStatusReport: Codable, Sendable, Equatable {
    /// A count of one denomination.
    public struct Level: Codable, Sendable, Equatable {
        /// The denomination in won.
        public var denomination: Int
        /// How many pieces.
        public var count: Int

        /// A level.
        public init(denomination: Int, count: Int) {
            self.denomination = denomination
            self.count = count
        }
    }

    /// `simulated` or `device`.
    public var driver: String
    /// Coins available for change.
    public var payout: [Level]
    /// What is in the cash box (simulated driver only).
    public var cashBox: [Level]?
    /// The cash box's total in won (simulated driver only).
    public var cashBoxTotal: Int?
    /// Won paid out since installation (simulated driver only).
    public var paidOut: Int?
    /// A note held in escrow (simulated driver only).
    public var noteInEscrow: Int?

    /// A report.
    public init(driver: String, payout: [Level], cashBox: [Level]?, cashBoxTotal: Int?, paidOut: Int?, noteInEscrow: Int?) {
        self.driver = driver
        self.payout = payout
        self.cashBox = cashBox
        self.cashBoxTotal = cashBoxTotal
        self.paidOut = paidOut
        self.noteInEscrow = noteInEscrow
    }
}
