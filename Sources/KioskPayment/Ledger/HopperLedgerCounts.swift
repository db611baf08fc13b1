public import KioskCore

/// The coins in each payout hopper as a ledger entry records them, so that a restart can rebuild what
/// the hoppers hold: ccTalk hoppers only sense low/empty, the count is the host's, and the ledger is its
/// source of truth.
///
/// Every cash entry written while a ccTalk module runs (coins in, notes stacked, change and refunds
/// paid out, amounts owed, refills, collections) carries the counts *after* the movement in its
/// `paymentReference`, as `hoppers 100=37 500=12` (won=coins, ascending). `HopperCountFold` reads them back.
public struct HopperLedgerCounts: Sendable, Hashable {
    /// What `reference` starts with.
    public static let prefix = "hoppers"

    /// Coins per hopper, by the coin it pays.
    public var counts: [Money: Int]

    /// Counts for the hoppers in `counts`.
    public init(_ counts: [Money: Int]) {
        self.counts = counts
    }

    /// The form stored in `paymentReference`: `hoppers 100=37 500=12`.
    public var reference: String {
        ([Self.prefix] + counts.keys.sorted().map { "\($0.won)=\(counts[$0]!)" }).joined(separator: " ")
    }

    /// Parses `reference`; nil for anything that is not a well-formed hopper record (other references,
    /// such as card approval numbers or the simulated module's counters, are not).
    public init?(reference: String?) {
        guard let reference else { return nil }
        let parts = reference.split(separator: " ")
        guard parts.first == Substring(Self.prefix), parts.count > 1 else { return nil }
        var counts: [Money: Int] = [:]
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", omittingEmptySubsequences: false)
            guard pair.count == 2, let coin = Int(pair[0]), coin > 0, let count = Int(pair[1]), count >= 0,
                counts[Money(won: coin)] == nil
            else { return nil }
            counts[Money(won: coin)] = count
        }
        self.counts = counts
    }
}
