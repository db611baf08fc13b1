/// What a coin acceptor's or bill validator's event buffer holds that the ledger never recorded: its
/// event counter at start against the last counter a ledger entry recorded (`coin@N`, `bill@N` in
/// `HopperLedgerCounts`). The host can die after the device credited a coin and before the entry that
/// records it, and an acceptor left enabled by a killed host keeps taking coins. Pure.
public enum CCTalkBufferAudit: Sendable, Hashable {
    /// The counters agree: every event is in the ledger.
    case recorded
    /// The device counted events after the ledger's counter: `events` (oldest first, each with its
    /// counter) are still in its buffer; `lost` more happened but fell out of the five-event buffer.
    case unrecorded(events: [Event], lost: Int)
    /// The device was reset (counter 0 while the ledger has another): nothing can be proved.
    case deviceReset(recordedCounter: UInt8)

    /// One buffered event and its counter.
    public struct Event: Sendable, Hashable {
        /// The device's event counter for this event.
        public var counter: UInt8
        /// The event's result pair.
        public var result: CCTalkEventBuffer.Result

        /// An event.
        public init(counter: UInt8, result: CCTalkEventBuffer.Result) {
            self.counter = counter
            self.result = result
        }
    }

    /// Compares the ledger's `recordedCounter` with the device's `counter` and `buffered` results
    /// (newest first, as the reply lists them).
    public static func compare(recordedCounter: UInt8, counter: UInt8, buffered: [CCTalkEventBuffer.Result]) -> CCTalkBufferAudit {
        if counter == recordedCounter { return .recorded }
        if counter == 0 { return .deviceReset(recordedCounter: recordedCounter) }
        let distance = CCTalkEventCounter.distance(from: recordedCounter, to: counter)
        let readable = min(distance, buffered.count)
        var events: [Event] = []
        var current = counter
        for result in buffered.prefix(readable) {
            events.insert(Event(counter: current, result: result), at: 0)
            current = CCTalkEventCounter.previous(current)
        }
        return .unrecorded(events: events, lost: distance - readable)
    }
}
