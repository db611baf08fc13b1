/// Whether a hopper paid out after the last ledger entry that recorded it: its payout event counter
/// (header 166) now against the one the entry recorded. The host can die between a payout and the
/// entry that records it; the hopper keeps counting. Pure.
public enum HopperPayoutAudit: Sendable, Hashable {
    /// The counters agree: every payout is in the ledger.
    case recorded
    /// Exactly one dispense command later: it paid `coins` coins (possibly 0) the ledger does not know of.
    case unrecorded(coins: Int)
    /// The counters cannot be compared (the hopper was reset, or more than one payout is missing):
    /// `reason` says why; a technician must count the hopper.
    case unknown(reason: String)

    /// Compares the counter recorded in the ledger with the hopper's `status` after start.
    public static func compare(recordedCounter: UInt8, status: CCTalkHopperStatus) -> HopperPayoutAudit {
        if status.eventCounter == recordedCounter { return .recorded }
        if status.eventCounter == 0 {
            return .unknown(reason: "the hopper was reset (event counter 0, the ledger has \(recordedCounter))")
        }
        let next: UInt8 = recordedCounter == 255 ? 1 : recordedCounter + 1
        guard status.eventCounter == next else {
            return .unknown(reason: "the hopper's event counter is \(status.eventCounter), the ledger has \(recordedCounter): more than one payout is unrecorded")
        }
        return .unrecorded(coins: status.lastPaid)
    }
}
