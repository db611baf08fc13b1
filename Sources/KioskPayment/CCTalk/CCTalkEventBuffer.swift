/// The host's side of a ccTalk event buffer (headers 229 and 159): remembers the last event counter
/// and turns each poll reply into the events that are new since the last one, oldest first.
///
/// The generic specification: the reply is `[event counter] [A1 B1] … [A5 B5]`, result 1 the newest;
/// the counter counts 1…255 and wraps to 1; 0 means the device was reset (power-up) and its buffer
/// cleared. More than five events between two polls means some were lost. Pure value: no I/O.
public struct CCTalkEventBuffer: Sendable, Hashable {
    /// One result pair from the buffer.
    public struct Result: Sendable, Hashable {
        /// Result A: the credit channel / bill type (1…), or 0 for a status or error event.
        public var a: UInt8
        /// Result B: the sorter path / bill routing, or the error / status code when `a` is 0.
        public var b: UInt8

        /// A result pair.
        public init(a: UInt8, b: UInt8) {
            self.a = a
            self.b = b
        }
    }

    /// What one poll reply meant.
    public struct Update: Sendable, Hashable {
        /// New events, oldest first.
        public var events: [Result]
        /// Events that happened but fell out of the five-event buffer (money may have been missed).
        public var lost: Int
        /// True when the counter went back to 0: the device was reset or powered up.
        public var deviceReset: Bool
        /// The event counter of this reply: the counter of the newest event.
        public var counter: UInt8 = 0
        /// Every result pair in the reply, newest first (what the device still holds, new or not).
        public var buffered: [Result] = []

        /// The event counter of each of `events`, oldest first (the newest is `counter`).
        public var eventCounters: [UInt8] {
            var counters: [UInt8] = []
            var current = counter
            for _ in events {
                counters.insert(current, at: 0)
                current = CCTalkEventCounter.previous(current)
            }
            return counters
        }
    }

    /// The last counter seen; nil before the first poll.
    public private(set) var lastCounter: UInt8?

    /// A buffer that has not polled yet.
    public init() {}

    /// Takes one reply's data (11 bytes) and returns what is new.
    /// - Throws: `CCTalkError.unexpectedReply` when the reply is not 1 + 2n bytes.
    public mutating func accept(_ reply: [UInt8], address: UInt8, header: UInt8) throws(CCTalkError) -> Update {
        guard let counter = reply.first, reply.count % 2 == 1 else {
            throw .unexpectedReply(address: address, header: header, detail: "event buffer reply of \(reply.count) bytes, expected an event counter and result pairs")
        }
        let results = stride(from: 1, to: reply.count, by: 2).map { Result(a: reply[$0], b: reply[$0 + 1]) }
        defer { lastCounter = counter }
        guard let last = lastCounter else {
            // The first poll after the host started: what is buffered happened before we listened
            // (`buffered` keeps it for the host's recovery at start).
            return Update(events: [], lost: 0, deviceReset: counter == 0, counter: counter, buffered: results)
        }
        if counter == last { return Update(events: [], lost: 0, deviceReset: false, counter: counter, buffered: results) }
        if counter == 0 { return Update(events: [], lost: 0, deviceReset: true, counter: counter, buffered: results) }
        let delta = CCTalkEventCounter.distance(from: last, to: counter)
        let fresh = min(delta, results.count)
        return Update(events: Array(results.prefix(fresh).reversed()), lost: delta - fresh, deviceReset: false, counter: counter, buffered: results)
    }
}
