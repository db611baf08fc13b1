/// Decides, before cash goes in, which coins and notes the kiosk may take so that it can always give
/// the change, and plans payouts from the hoppers. Pure: no I/O, no clock.
///
/// The rule: with `due` still to pay, a denomination `d` may be taken when `d <= due` (no change
/// needed) or when the change `d - due` can be paid exactly from the coins in the hoppers. A note the
/// kiosk cannot change is never accepted; if that refuses anything the kiosk switches to "exact
/// amount or card only" instead of stopping.
///
/// Payout plans are exact over any coin system (a bounded search over the counts, not greedy), prefer
/// the fewest coins, and when the amount cannot be paid exactly pay the most that can be paid and
/// report the rest as the shortfall.
public struct ChangePlanner: Sendable, Hashable {
    /// Coins in the hoppers: denomination → count.
    public var available: [Money: Int]

    /// A planner over the hopper contents `available` (denomination → count; negative counts count as 0).
    public init(available: [Money: Int]) {
        self.available = available.filter { $0.key > .zero }.mapValues { max(0, $0) }
    }

    /// A planner over hopper levels as devices report them.
    public init(levels: [(denomination: Money, count: Int)]) {
        var available: [Money: Int] = [:]
        for level in levels { available[level.denomination, default: 0] += level.count }
        self.init(available: available)
    }

    /// Which of `offered` (the denominations the cash module takes) may go in while `due` is still owed.
    public func acceptance(due: Money, offered: Set<Money>) -> CashAcceptance {
        guard due > .zero else {
            return CashAcceptance(accepted: [], refused: Dictionary(uniqueKeysWithValues: offered.map { ($0, "nothing is due") }), mode: .nothingDue)
        }
        var accepted: Set<Money> = []
        var refused: [Money: String] = [:]
        for denomination in offered where denomination > .zero {
            if denomination <= due {
                accepted.insert(denomination)
            } else {
                let change = denomination - due
                if plan(change).isExact {
                    accepted.insert(denomination)
                } else {
                    refused[denomination] = "change of \(change) cannot be paid from the hoppers"
                }
            }
        }
        return CashAcceptance(accepted: accepted, refused: refused, mode: refused.isEmpty ? .changeAvailable : .exactAmountOrCardOnly)
    }

    /// Whether a `denomination` may be taken while `due` is owed (the check for a note already in escrow).
    public func mayAccept(_ denomination: Money, due: Money) -> Bool {
        guard due > .zero, denomination > .zero else { return false }
        return denomination <= due || plan(denomination - due).isExact
    }

    /// Plans paying `amount`: exact with the fewest coins when possible, otherwise the largest amount
    /// below it that can be paid, with the rest as the shortfall. A non-positive amount plans nothing.
    public func plan(_ amount: Money) -> PayoutPlan {
        guard amount > .zero else { return PayoutPlan(coins: [:], shortfall: .zero) }
        let kinds = available.filter { $0.value > 0 }.keys.sorted(by: >)
        var best: (paid: Int, coins: Int, counts: [Int])?
        var counts = Array(repeating: 0, count: kinds.count)

        func search(_ index: Int, _ remaining: Int, _ used: Int) {
            let paid = amount.won - remaining
            if best == nil || paid > best!.paid || (paid == best!.paid && used < best!.coins) {
                best = (paid, used, counts)
            }
            guard remaining > 0, index < kinds.count else { return }
            if let best, best.paid == amount.won, used >= best.coins { return }
            let coin = kinds[index].won
            let most = min(available[kinds[index]] ?? 0, remaining / coin)
            // The last denomination: taking as many as fit is always best (more paid, or the only way to pay it).
            let least = index == kinds.count - 1 ? most : 0
            for take in stride(from: most, through: least, by: -1) {
                counts[index] = take
                search(index + 1, remaining - take * coin, used + take)
            }
            counts[index] = 0
        }
        search(0, amount.won, 0)

        let chosen = best ?? (0, 0, counts)
        var coins: [Money: Int] = [:]
        for (index, kind) in kinds.enumerated() where chosen.counts[index] > 0 { coins[kind] = chosen.counts[index] }
        return PayoutPlan(coins: coins, shortfall: Money(won: amount.won - chosen.paid))
    }
}
