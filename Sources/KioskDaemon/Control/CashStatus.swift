// MARK: issue 4 (sessions)
/// The answer to the control command `cash status`.
struct CashStatus: Codable, Sendable {
    /// A count of one denomination.
    struct Level: Codable, Sendable {
        var denomination: Int
        var count: Int
    }

    var driver: String
    /// Coins available for change.
    var payout: [Level]
    /// What is in the cash box (simulated driver only).
    var cashBox: [Level]?
    /// The cash box's total in won (simulated driver only).
    var cashBoxTotal: Int?
    /// Won paid out since installation (simulated driver only).
    var paidOut: Int?
    /// A note held in escrow (simulated driver only).
    var noteInEscrow: Int?
}
