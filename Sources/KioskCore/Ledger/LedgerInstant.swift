public import Foundation

/// When an entry was made: UTC wall time in milliseconds and the monotonic uptime in nanoseconds.
/// The pure code never reads a clock; the daemon passes an instant in with each event.
public struct LedgerInstant: Sendable, Hashable, Codable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var utcMilliseconds: Int64
    /// Nanoseconds of monotonic uptime (unaffected by wall-clock steps).
    public var uptimeNanoseconds: Int64

    /// An instant from its two readings.
    public init(utcMilliseconds: Int64, uptimeNanoseconds: Int64) {
        self.utcMilliseconds = utcMilliseconds
        self.uptimeNanoseconds = uptimeNanoseconds
    }

    /// An instant from a wall-clock `date` (truncated to the millisecond) and an uptime.
    public init(date: Date, uptimeNanoseconds: Int64) {
        self.utcMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        self.uptimeNanoseconds = uptimeNanoseconds
    }

    /// The wall-clock time as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(utcMilliseconds) / 1000) }
}
