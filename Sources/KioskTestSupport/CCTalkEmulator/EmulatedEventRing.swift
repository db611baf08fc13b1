/// A device's five-event buffer as the generic specification defines it (headers 229 / 159):
/// counter 1…255 wrapping to 1, 0 only after a reset; result 1 the newest.
public struct EmulatedEventRing: Sendable {
    /// The event counter.
    public private(set) var counter: UInt8 = 0
    private var results: [(UInt8, UInt8)] = []

    /// An empty buffer, counter 0.
    public init() {}

    /// Adds an event (two result bytes) as the newest.
    public mutating func push(_ a: UInt8, _ b: UInt8) {
        counter = counter == 255 ? 1 : counter + 1
        results.insert((a, b), at: 0)
        if results.count > 5 { results.removeLast() }
    }

    /// Back to counter 0 and no events (a device reset).
    public mutating func reset() {
        counter = 0
        results = []
    }

    /// The 11-byte reply: counter, then five result pairs, newest first.
    public var reply: [UInt8] {
        var bytes = [counter]
        for index in 0..<5 {
            if index < results.count { bytes += [results[index].0, results[index].1] } else { bytes += [0, 0] }
        }
        return bytes
    }
}
