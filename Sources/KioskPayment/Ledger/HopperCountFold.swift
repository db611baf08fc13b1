public import KioskCore

/// Rebuilds the hopper counts from the ledger: for each configured coin, the count in the newest entry
/// that records it (`HopperLedgerCounts` in `paymentReference`). Pure: it is fed entries newest first,
/// in as many batches as the caller likes, and says when it has seen enough.
///
/// Older ledgers, written before entries carried counts, still load: a coin no entry records is
/// `missing` (the daemon then starts that hopper at 0 and logs a warning), and hopper movements
/// (`cash-dispensed`, `cash-refilled`) newer than the count used but without counts of their own are
/// counted in `unrecordedMovements` so the daemon can warn that the count may be stale.
public struct HopperCountFold: Sendable, Hashable {
    /// The coins the configured hoppers pay.
    public let coins: Set<Money>
    /// The restored count of each coin found so far.
    public private(set) var counts: [Money: Int] = [:]
    /// The hopper's payout event counter recorded with each count, where the entry has one.
    public private(set) var counters: [Money: UInt8] = [:]
    /// The sequence number of the entry each count comes from.
    public private(set) var sources: [Money: Int64] = [:]
    /// Per coin found: hopper movements newer than its count that record no counts (0 on a ledger
    /// written with counts throughout). For a missing coin: all such movements seen.
    public private(set) var unrecordedMovements: [Money: Int] = [:]
    private var unrecordedSoFar = 0

    /// A fold for hoppers paying `coins`.
    public init(coins: Set<Money>) {
        self.coins = coins
    }

    /// Every configured coin has a count: older entries cannot change the result.
    public var isComplete: Bool { coins.allSatisfy { counts[$0] != nil } }

    /// Configured coins no entry read so far records.
    public var missing: Set<Money> { coins.filter { counts[$0] == nil } }

    /// Reads `entries`, newest first, continuing from the previous batch (which must have been newer).
    /// Stops early once `isComplete`.
    public mutating func read<Entries: Sequence<LedgerEntry>>(newestFirst entries: Entries) {
        for entry in entries {
            if isComplete { return }
            if let recorded = HopperLedgerCounts(reference: entry.record.paymentReference) {
                for (coin, count) in recorded.counts where coins.contains(coin) && counts[coin] == nil {
                    counts[coin] = count
                    counters[coin] = recorded.counters[coin]
                    sources[coin] = entry.sequence
                    unrecordedMovements[coin] = unrecordedSoFar
                }
            } else if Self.movesHopperCoins(entry.record.kind) {
                unrecordedSoFar += 1
            }
        }
        for coin in missing { unrecordedMovements[coin] = unrecordedSoFar }
    }

    /// The entry kinds that change what a hopper holds.
    public static func movesHopperCoins(_ kind: LedgerEntryKind) -> Bool {
        kind == .cashDispensed || kind == .cashRefilled
    }
}
