public import Foundation

/// The brute-force guard of fingerprint verification, as a pure value: at most `maximumFailures` failed
/// attempts per resident within `window` (across all kiosks, since central holds one limiter), then a
/// cool-down of `coolDown` during which no attempt is evaluated. A success clears the count. Residents
/// are keyed by `ResidentReference`, so the limiter never holds an RRN. Time is always a parameter.
public struct FailedAttemptLimiter: Sendable {
    /// Whether an attempt may be evaluated now.
    public enum Status: Sendable, Hashable {
        /// Attempts are allowed; `remaining` failures more are tolerated before the lock-out.
        case open(remaining: Int)
        /// Locked out until the instant given.
        case lockedOut(until: Date)
    }

    /// Failures tolerated within `window`; the one that reaches it locks the resident out.
    public let maximumFailures: Int
    /// The sliding window the failures are counted in, seconds.
    public let window: TimeInterval
    /// How long a lock-out lasts, seconds.
    public let coolDown: TimeInterval

    private var failures: [ResidentReference: [Date]] = [:]
    private var lockedUntil: [ResidentReference: Date] = [:]

    /// A limiter allowing `maximumFailures` (at least 1) failures per `window` seconds, then `coolDown` seconds of lock-out.
    public init(maximumFailures: Int = 5, window: TimeInterval = 3600, coolDown: TimeInterval = 3600) {
        self.maximumFailures = max(1, maximumFailures)
        self.window = window
        self.coolDown = coolDown
    }

    /// The status of `resident` at `now`.
    public func status(of resident: ResidentReference, at now: Date) -> Status {
        if let until = lockedUntil[resident], until > now { return .lockedOut(until: until) }
        let recent = (failures[resident] ?? []).filter { now.timeIntervalSince($0) < window }
        return .open(remaining: max(0, maximumFailures - recent.count))
    }

    /// Counts a failed attempt at `now` and returns the status after it (`.lockedOut` when this failure
    /// reached the limit). A failure while locked out is not counted and does not extend the lock-out.
    @discardableResult
    public mutating func recordFailure(of resident: ResidentReference, at now: Date) -> Status {
        if case .lockedOut(let until) = status(of: resident, at: now) { return .lockedOut(until: until) }
        var recent = (failures[resident] ?? []).filter { now.timeIntervalSince($0) < window }
        recent.append(now)
        if recent.count >= maximumFailures {
            failures[resident] = nil
            let until = now.addingTimeInterval(coolDown)
            lockedUntil[resident] = until
            return .lockedOut(until: until)
        }
        failures[resident] = recent
        lockedUntil[resident] = nil
        return .open(remaining: maximumFailures - recent.count)
    }

    /// Clears the failures of `resident` after a successful verification.
    public mutating func recordSuccess(of resident: ResidentReference) {
        failures[resident] = nil
    }

    /// Forgets failures and lock-outs that no longer matter at `now` (keeps memory bounded).
    public mutating func prune(at now: Date) {
        lockedUntil = lockedUntil.filter { $0.value > now }
        failures = failures.compactMapValues { dates in
            let recent = dates.filter { now.timeIntervalSince($0) < window }
            return recent.isEmpty ? nil : recent
        }
    }

    /// How many residents the limiter currently tracks (failures or lock-outs).
    public var trackedResidents: Int { Set(failures.keys).union(lockedUntil.keys).count }
}
