public import KioskCore

/// Rebuilds what the cash box holds from the ledger: every coin accepted (`cash-inserted`) and note
/// stacked (`cash-stacked`) since the last `cash-collected`, by denomination. The ccTalk module counts
/// the box in memory only; without this a collection after a restart would record only what came in
/// since the restart. Pure: fed entries newest first, in batches, it says when it reached the last
/// collection.
public struct CashBoxFold: Sendable, Hashable {
    /// The denominations the module takes (coin channels and bill types).
    public let denominations: Set<Money>
    /// Coins and notes in the box by denomination.
    public private(set) var counts: [Money: Int] = [:]
    /// Money recorded as going into the box whose amount is not one denomination (cannot be counted by piece).
    public private(set) var unattributed = Money.zero
    /// The last collection was reached: older entries cannot change the result.
    public private(set) var isComplete = false

    /// A fold over a module taking `denominations`.
    public init(denominations: Set<Money>) {
        self.denominations = denominations
    }

    /// Reads `entries`, newest first, continuing from the previous (newer) batch.
    public mutating func read<Entries: Sequence<LedgerEntry>>(newestFirst entries: Entries) {
        for entry in entries {
            if isComplete { return }
            switch entry.record.kind {
            case .cashCollected:
                isComplete = true
            case .cashInserted, .cashStacked:
                guard let amount = entry.record.amount, amount > .zero else { continue }
                if denominations.contains(amount) {
                    counts[amount, default: 0] += 1
                } else {
                    unattributed += amount
                }
            default:
                continue
            }
        }
    }

    /// The box's total.
    public var total: Money { counts.reduce(unattributed) { $0 + $1.key * $1.value } }
}
