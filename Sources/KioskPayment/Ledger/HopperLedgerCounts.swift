public import KioskCore

/// The coins in each payout hopper as a ledger entry records them, so that a restart can rebuild what
/// the hoppers hold: ccTalk hoppers only sense low/empty, the count is the host's, and the ledger is its
/// source of truth.
///
/// Every cash entry written while a ccTalk module runs (coins in, notes stacked, change and refunds
/// paid out, amounts owed, refills, collections) carries the counts *after* the movement in its
/// `paymentReference`, as `hoppers 100=37@4 500=12@9`: won=coins, ascending, each with the hopper's
/// payout event counter after `@` when the host knows it (a payout the ledger never heard of shows as
/// a counter one further on; see `HopperPayoutAudit`). `HopperCountFold` reads them back.
///
/// After the hoppers come the coin acceptor's and bill validator's event counters up to which every
/// credit is in the ledger, `coin@17 bill@4` (`hoppers 100=37@4 500=12@9 coin@17 bill@4`): at start,
/// events in their buffers after these counters are credits the ledger never saw (`CCTalkBufferAudit`).
/// References written before these counters existed still parse (without them).
public struct HopperLedgerCounts: Sendable, Hashable {
    /// What `reference` starts with.
    public static let prefix = "hoppers"

    /// Coins per hopper, by the coin it pays.
    public var counts: [Money: Int]
    /// Each hopper's payout event counter (header 166) at the time of the entry, where known.
    public var counters: [Money: UInt8]
    /// The coin acceptor's event counter (header 229) up to which every credit is in the ledger.
    public var coinCounter: UInt8?
    /// The bill validator's event counter (header 159) up to which every stacked note is in the ledger.
    public var billCounter: UInt8?

    /// Counts (and event counters) for the hoppers in `counts`; counters of other coins are dropped.
    public init(_ counts: [Money: Int], counters: [Money: UInt8] = [:], coinCounter: UInt8? = nil, billCounter: UInt8? = nil) {
        self.counts = counts
        self.counters = counters.filter { counts[$0.key] != nil }
        self.coinCounter = coinCounter
        self.billCounter = billCounter
    }

    /// The form stored in `paymentReference`: `hoppers 100=37@4 500=12 coin@17 bill@4`.
    public var reference: String {
        ([Self.prefix] + counts.keys.sorted().map { coin in
            "\(coin.won)=\(counts[coin]!)" + (counters[coin].map { "@\($0)" } ?? "")
        } + [coinCounter.map { "coin@\($0)" }, billCounter.map { "bill@\($0)" }].compactMap { $0 }).joined(separator: " ")
    }

    /// Parses `reference`; nil for anything that is not a well-formed hopper record (other references,
    /// such as card approval numbers or the simulated module's counters, are not).
    public init?(reference: String?) {
        guard let reference else { return nil }
        let parts = reference.split(separator: " ")
        guard parts.first == Substring(Self.prefix), parts.count > 1 else { return nil }
        var counts: [Money: Int] = [:]
        var counters: [Money: UInt8] = [:]
        var coinCounter: UInt8?
        var billCounter: UInt8?
        for part in parts.dropFirst() {
            if part.hasPrefix("coin@") || part.hasPrefix("bill@") {
                guard let counter = UInt8(part.dropFirst(5)) else { return nil }
                if part.hasPrefix("coin@") {
                    guard coinCounter == nil else { return nil }
                    coinCounter = counter
                } else {
                    guard billCounter == nil else { return nil }
                    billCounter = counter
                }
                continue
            }
            let pair = part.split(separator: "=", omittingEmptySubsequences: false)
            guard pair.count == 2, let coin = Int(pair[0]), coin > 0, counts[Money(won: coin)] == nil else { return nil }
            let value = pair[1].split(separator: "@", omittingEmptySubsequences: false)
            guard (1...2).contains(value.count), let count = Int(value[0]), count >= 0 else { return nil }
            counts[Money(won: coin)] = count
            if value.count == 2 {
                guard let counter = UInt8(value[1]) else { return nil }
                counters[Money(won: coin)] = counter
            }
        }
        self.counts = counts
        self.counters = counters
        self.coinCounter = coinCounter
        self.billCounter = billCounter
    }
}
