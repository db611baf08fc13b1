public import KioskCore

extension CashInventory {
    /// A change planner over the coins in the payout hoppers.
    public var changePlanner: ChangePlanner {
        ChangePlanner(levels: payout.map { (denomination: $0.denomination, count: $0.count) })
    }

    /// Which of the accepted denominations may go in while `due` is owed (see `ChangePlanner`).
    public func acceptance(due: Money) -> CashAcceptance {
        changePlanner.acceptance(due: due, offered: Set(accepted))
    }
}
