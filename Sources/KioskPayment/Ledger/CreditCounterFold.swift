public import KioskCore

/// Finds the coin acceptor's and bill validator's event counters the newest ledger entries record
/// (`coin@N`, `bill@N` in `HopperLedgerCounts`): up to them every credit is in the ledger. Pure: fed
/// entries newest first, in batches, it says when it has found what it looks for.
public struct CreditCounterFold: Sendable, Hashable {
    /// Whether a coin acceptor / bill validator is configured (only those are looked for).
    public let wantsCoin: Bool
    /// See `wantsCoin`.
    public let wantsBill: Bool
    /// The coin acceptor's counter in the newest entry that records one.
    public private(set) var coinCounter: UInt8?
    /// The bill validator's counter in the newest entry that records one.
    public private(set) var billCounter: UInt8?

    /// A fold looking for the counters of the configured devices.
    public init(coinAcceptor: Bool, billValidator: Bool) {
        wantsCoin = coinAcceptor
        wantsBill = billValidator
    }

    /// Every counter looked for is found: older entries cannot change the result.
    public var isComplete: Bool { (!wantsCoin || coinCounter != nil) && (!wantsBill || billCounter != nil) }

    /// Reads `entries`, newest first, continuing from the previous (newer) batch.
    public mutating func read<Entries: Sequence<LedgerEntry>>(newestFirst entries: Entries) {
        for entry in entries {
            if isComplete { return }
            guard let recorded = HopperLedgerCounts(reference: entry.record.paymentReference) else { continue }
            if wantsCoin, coinCounter == nil { coinCounter = recorded.coinCounter }
            if wantsBill, billCounter == nil { billCounter = recorded.billCounter }
        }
    }
}
