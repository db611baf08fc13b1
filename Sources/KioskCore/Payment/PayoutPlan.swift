/// How a payout will be made: how many coins of each denomination, and what cannot be paid.
public struct PayoutPlan: Sendable, Hashable, Codable {
    /// Coins to pay, by denomination (only denominations with a non-zero count appear).
    public var coins: [Money: Int]
    /// The amount the coins add up to.
    public var paid: Money
    /// What the plan cannot pay: owed to the resident (`refund-owed`) when non-zero.
    public var shortfall: Money

    /// A plan paying `coins`, leaving `shortfall` unpaid.
    public init(coins: [Money: Int], shortfall: Money) {
        self.coins = coins.filter { $0.value > 0 }
        self.paid = coins.reduce(Money.zero) { $0 + $1.key * $1.value }
        self.shortfall = shortfall
    }

    /// True when the plan pays the whole amount.
    public var isExact: Bool { shortfall == .zero }

    /// How many coins the plan pays out in total.
    public var coinCount: Int { coins.values.reduce(0, +) }
}
