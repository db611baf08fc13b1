/// For one coin acceptor or bill validator: the event counter up to which every credit is in the
/// ledger, which each cash entry records (`coin@N`, `bill@N` in `HopperLedgerCounts`).
///
/// The handler hands a credit to the daemon (a `CashEvent` or a stacked note) before the daemon writes
/// the entry for it; until the daemon says it is recorded the credit is pending, and the counter an
/// entry may record stops just before the oldest pending credit. So an entry never claims a credit the
/// ledger does not hold, and at start the buffer shows it again. Pure.
public struct CCTalkCreditTracker: Sendable {
    /// The device's counter as last polled; nil before the first poll.
    public private(set) var polled: UInt8?
    /// Counters of credits handed out and not yet recorded, oldest first.
    public var pending: [UInt8] { open.map(\.counter) }
    /// Each open credit with the counter just before it (0 for the first event of a fresh device).
    private var open: [(counter: UInt8, before: UInt8)] = []

    /// A tracker before the first poll.
    public init() {}

    /// A poll read the device's counter `counter`; `credits` are the counters of the credits among
    /// its new events (handed out now).
    public mutating func polled(_ counter: UInt8, credits: [UInt8] = []) {
        let fresh = polled == 0
        polled = counter
        open += credits.map { ($0, fresh && $0 == 1 ? 0 : CCTalkEventCounter.previous($0)) }
    }

    /// The daemon recorded the credit numbered `counter`.
    public mutating func recorded(_ counter: UInt8) {
        if let index = open.firstIndex(where: { $0.counter == counter }) { open.remove(at: index) }
    }

    /// The counter an entry written now may record: the polled one, or the one just before the oldest
    /// pending credit. `recording` is a credit the entry itself records (counted as recorded).
    public func ledgerCounter(recording counter: UInt8? = nil) -> UInt8? {
        guard let polled else { return nil }
        var open = self.open
        if let counter, let index = open.firstIndex(where: { $0.counter == counter }) { open.remove(at: index) }
        return open.first?.before ?? polled
    }
}
