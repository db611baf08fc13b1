import KioskCore
import Testing

@Suite("ChangePlanner")
struct ChangePlannerTests {
    struct PlanCase: Sendable, CustomTestStringConvertible {
        var amount: Int
        var available: [Int: Int]
        var coins: [Int: Int]
        var shortfall: Int
        var testDescription: String { "\(amount) from \(available.sorted { $0.key < $1.key })" }
    }

    @Test("payout plans", arguments: [
        PlanCase(amount: 3300, available: [500: 100, 100: 100], coins: [500: 6, 100: 3], shortfall: 0),
        PlanCase(amount: 3300, available: [500: 2, 100: 100], coins: [500: 2, 100: 23], shortfall: 0),
        PlanCase(amount: 800, available: [500: 0, 100: 5], coins: [100: 5], shortfall: 300),
        PlanCase(amount: 500, available: [500: 0, 100: 0], coins: [:], shortfall: 500),
        PlanCase(amount: 0, available: [500: 10], coins: [:], shortfall: 0),
        PlanCase(amount: 250, available: [500: 10, 100: 10], coins: [100: 2], shortfall: 50),
        // Not greedy: 600 from 4 × 150 beats 500 + 100 only when 100s are missing; exact over odd systems.
        PlanCase(amount: 600, available: [500: 1, 150: 4], coins: [150: 4], shortfall: 0),
        PlanCase(amount: 9500, available: [500: 19, 100: 0], coins: [500: 19], shortfall: 0),
    ])
    func plans(_ row: PlanCase) {
        let planner = ChangePlanner(available: Dictionary(uniqueKeysWithValues: row.available.map { (Money(won: $0.key), $0.value) }))
        let plan = planner.plan(Money(won: row.amount))
        #expect(plan.coins == Dictionary(uniqueKeysWithValues: row.coins.map { (Money(won: $0.key), $0.value) }))
        #expect(plan.shortfall == Money(won: row.shortfall))
        #expect(plan.paid + plan.shortfall == Money(won: max(0, row.amount)))
    }

    struct AcceptCase: Sendable, CustomTestStringConvertible {
        var due: Int
        var available: [Int: Int]
        var accepted: Set<Int>
        var mode: CashAcceptance.Mode
        var testDescription: String { "due \(due) with \(available.sorted { $0.key < $1.key })" }
    }

    static let offered: Set<Money> = Set([100, 500, 1000, 5000, 10000].map { Money(won: $0) })

    @Test("what the slot may take", arguments: [
        AcceptCase(due: 1800, available: [500: 100, 100: 100], accepted: [100, 500, 1000, 5000, 10000], mode: .changeAvailable),
        AcceptCase(due: 1000, available: [500: 0, 100: 0], accepted: [100, 500, 1000], mode: .exactAmountOrCardOnly),
        // 4,200 of change for a 5,000 won note: 8 × 500 + 2 × 100 — only two 100s left means 10,000 (9,200) is refused.
        AcceptCase(due: 800, available: [500: 9, 100: 2], accepted: [100, 500, 1000, 5000], mode: .exactAmountOrCardOnly),
        AcceptCase(due: 300, available: [500: 10, 100: 1], accepted: [100], mode: .exactAmountOrCardOnly),
        AcceptCase(due: 0, available: [500: 10, 100: 10], accepted: [], mode: .nothingDue),
    ])
    func acceptance(_ row: AcceptCase) {
        let planner = ChangePlanner(available: Dictionary(uniqueKeysWithValues: row.available.map { (Money(won: $0.key), $0.value) }))
        let decision = planner.acceptance(due: Money(won: row.due), offered: Self.offered)
        #expect(decision.accepted == Set(row.accepted.map { Money(won: $0) }))
        #expect(decision.mode == row.mode)
        #expect(decision.accepted.isDisjoint(with: decision.refused.keys))
        for denomination in Self.offered where !decision.accepted.contains(denomination) && row.due > 0 {
            #expect(decision.refused[denomination]?.contains("cannot be paid") == true)
        }
    }

    @Test("a note in escrow is checked against the change that is left")
    func mayAccept() {
        let planner = ChangePlanner(available: [Money(won: 500): 1, Money(won: 100): 4])
        #expect(planner.mayAccept(Money(won: 1000), due: Money(won: 100)))   // 900 = 500 + 4 × 100
        #expect(!planner.mayAccept(Money(won: 5000), due: Money(won: 100)))  // 4,900 cannot be paid
        #expect(!planner.mayAccept(Money(won: 1000), due: .zero))
    }
}
