public import Foundation
public import KioskCore

/// A cash module simulated in process: takes 100/500 won coins and 1,000/5,000/10,000 won notes
/// (notes through escrow), pays change from 100 and 500 won hoppers. Money arrives through
/// `insert(_:)` (the demo's "insert" buttons and tests). Hopper counts and the cash box persist in a
/// JSON state file when one is given, so a restart keeps them. Faults: `coin-jam` (payout stops
/// half-way), `no-change` (hoppers report empty), `note-rejected`, `cash-fraud`.
public actor SimulatedCashHandler: CashHandler, FaultInjectable {
    /// What the simulated module holds; persisted as JSON.
    public struct Holdings: Codable, Sendable, Equatable {
        /// Coins in each payout hopper, by denomination in won.
        public var hoppers: [Int: Int]
        /// Everything in the cash box, by denomination in won.
        public var cashBox: [Int: Int]
        /// Total won paid out since installation.
        public var paidOut: Int

        /// The holdings of a freshly filled module.
        public static let filled = Holdings(hoppers: [100: 200, 500: 100], cashBox: [:], paidOut: 0)
    }

    public nonisolated let kind = DeviceKind.cash
    private static let coins: Set<Int> = [100, 500]
    private static let notes: Set<Int> = [1000, 5000, 10000]
    private let stateFile: URL?
    private var holdings: Holdings
    private var faults: Set<SimulatedFault> = []
    private var enabled: Set<Money> = []
    private var escrow: Money?
    private let events = EventBroadcaster<CashEvent>()
    private let broadcaster: StatusBroadcaster<DeviceStatus>

    /// A module whose holdings persist in `stateFile` (nil: memory only), starting `filled` when new.
    public init(stateFile: URL? = nil) {
        self.stateFile = stateFile
        let loaded = stateFile.flatMap { try? Data(contentsOf: $0) }.flatMap { try? JSONDecoder().decode(Holdings.self, from: $0) }
        holdings = loaded ?? .filled
        broadcaster = StatusBroadcaster(initial: Self.status(holdings: loaded ?? .filled, faults: []))
    }

    public func status() -> DeviceStatus { broadcaster.latest }
    public nonisolated func statusEvents() -> AsyncStream<DeviceStatus> { broadcaster.subscribe() }

    public nonisolated func cashEvents() -> AsyncStream<CashEvent> { events.subscribe() }

    public func inventory() -> CashInventory {
        CashInventory(accepted: (Self.coins.union(Self.notes)).sorted().map { Money(won: $0) }, payout: payoutLevels())
    }

    public func enableAcceptance(of denominations: Set<Money>) throws(CashError) {
        enabled = denominations
    }

    public func disableAcceptance() { enabled = [] }

    public func stackEscrow() throws(CashError) -> Money {
        guard let note = escrow else { throw .noNoteInEscrow }
        escrow = nil
        holdings.cashBox[note.won, default: 0] += 1
        persist()
        return note
    }

    public func returnEscrow() throws(CashError) -> Money {
        guard let note = escrow else { throw .noNoteInEscrow }
        escrow = nil
        return note
    }

    public func dispense(_ amount: Money) throws(CashError) -> DispenseResult {
        var remaining = amount.won
        var paid = 0
        let available = faults.contains(.noChange) ? [:] : holdings.hoppers
        let jamAfter = faults.contains(.coinJam) ? max(1, amount.won / 2) : Int.max
        for coin in available.keys.sorted(by: >) {
            while remaining >= coin, holdings.hoppers[coin, default: 0] > 0, paid + coin <= jamAfter {
                holdings.hoppers[coin, default: 0] -= 1
                remaining -= coin
                paid += coin
            }
        }
        holdings.paidOut += paid
        persist()
        broadcaster.publishIfChanged(Self.status(holdings: holdings, faults: faults))
        return DispenseResult(paid: Money(won: paid), shortfall: Money(won: remaining))
    }

    /// The resident puts `money` into the slot.
    public func insert(_ money: Money) {
        if faults.contains(.cashFraud) {
            events.publish(.fraud(reason: "coin on a string detected (simulated)"))
            return
        }
        let isNote = Self.notes.contains(money.won)
        guard Self.coins.contains(money.won) || isNote else {
            events.publish(.rejected(reason: "\(money) is not a Korean coin or note this module takes"))
            return
        }
        guard enabled.contains(money), !(isNote && faults.contains(.noteRejected)), !(isNote && escrow != nil) else {
            events.publish(.rejected(reason: "\(money) not accepted now"))
            return
        }
        if isNote {
            escrow = money
            events.publish(.noteInEscrow(money))
        } else {
            holdings.cashBox[money.won, default: 0] += 1
            persist()
            events.publish(.coinAccepted(money))
        }
    }

    public func cashBoxContents() -> [Money: Int] {
        Dictionary(uniqueKeysWithValues: holdings.cashBox.map { (Money(won: $0.key), $0.value) })
    }

    public func collectCashBox() throws(CashError) -> [Money: Int] {
        let contents = cashBoxContents()
        holdings.cashBox = [:]
        persist()
        return contents
    }

    public func refill(_ coins: [Money: Int]) throws(CashError) {
        for (coin, count) in coins {
            guard Self.coins.contains(coin.won) else { throw .deviceError("no hopper pays \(coin)") }
            guard count > 0 else { throw .deviceError("a refill of \(coin) must add at least one coin, not \(count)") }
        }
        for (coin, count) in coins { holdings.hoppers[coin.won, default: 0] += count }
        persist()
        broadcaster.publishIfChanged(Self.status(holdings: holdings, faults: faults))
    }

    /// The current holdings (for `kioskctl cash status` and the crash test's balance check).
    public func currentHoldings() -> Holdings { holdings }

    /// The note in escrow, if any.
    public func noteInEscrow() -> Money? { escrow }

    public func setFault(_ fault: SimulatedFault, active: Bool) {
        guard fault.device == .cash else { return }
        if active { faults.insert(fault) } else { faults.remove(fault) }
        broadcaster.publishIfChanged(Self.status(holdings: holdings, faults: faults))
    }

    public func activeFaults() -> Set<SimulatedFault> { faults }

    private func payoutLevels() -> [CashLevel] {
        Self.coins.sorted().map { coin in
            let count = faults.contains(.noChange) ? 0 : holdings.hoppers[coin, default: 0]
            return CashLevel(denomination: Money(won: coin), count: count, level: Self.level(count))
        }
    }

    private func persist() {
        guard let stateFile, let data = try? JSONEncoder().encode(holdings) else { return }
        try? data.write(to: stateFile, options: .atomic)
    }

    private static func level(_ count: Int) -> SupplyLevel { count == 0 ? .empty : count < 20 ? .low : .ok }

    static func status(holdings: Holdings, faults: Set<SimulatedFault>) -> DeviceStatus {
        let levels = coins.sorted().map { coin in
            let count = faults.contains(.noChange) ? 0 : holdings.hoppers[coin, default: 0]
            return CashLevel(denomination: Money(won: coin), count: count, level: level(count))
        }
        let details = DeviceDetails(
            jammed: faults.contains(.coinJam), cashLevels: levels, cashBox: .ok, conditions: faults.simulatedConditions)
        let (state, reason): (DeviceState, String?) =
            if faults.contains(.cashFraud) { (.fraudAttempt, "fraud attempt detected") }
            else if faults.contains(.coinJam) { (.hardwareError, "coin jam in the hopper") }
            else if levels.allSatisfy({ $0.count == 0 }) { (.userError, "no change left: exact amount or card only") }
            else { (.online, nil) }
        return DeviceStatus(kind: .cash, driver: "simulated", state: state, reason: reason, details: details)
    }
}
