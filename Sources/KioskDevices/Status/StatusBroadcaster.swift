import Synchronization

/// Fans status values out to any number of `AsyncStream` subscribers; a new subscriber first gets
/// the latest value. Safe to call from any thread.
public final class StatusBroadcaster<Value: Sendable>: Sendable {
    private struct State {
        var latest: Value
        var continuations: [Int: AsyncStream<Value>.Continuation] = [:]
        var nextID = 0
    }

    private let state: Mutex<State>

    /// A broadcaster whose current value is `initial`.
    public init(initial: Value) {
        state = Mutex(State(latest: initial))
    }

    /// The latest value published.
    public var latest: Value { state.withLock { $0.latest } }

    /// A stream that yields the latest value, then every value published after it.
    public func subscribe() -> AsyncStream<Value> {
        let (stream, continuation) = AsyncStream<Value>.makeStream(bufferingPolicy: .bufferingNewest(32))
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.continuations[id] = continuation
            continuation.yield(state.latest)
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// Publishes `value` to every subscriber (only when it differs from the latest, for Equatable values).
    public func publish(_ value: Value) {
        let continuations = state.withLock { state in
            state.latest = value
            return Array(state.continuations.values)
        }
        for continuation in continuations { continuation.yield(value) }
    }

    /// Ends every subscriber's stream.
    public func finish() {
        let continuations = state.withLock { state in
            defer { state.continuations.removeAll() }
            return Array(state.continuations.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}

extension StatusBroadcaster where Value: Equatable {
    /// Publishes `value` only if it differs from the latest; returns whether it did.
    @discardableResult
    public func publishIfChanged(_ value: Value) -> Bool {
        let continuations: [AsyncStream<Value>.Continuation]? = state.withLock { state in
            guard state.latest != value else { return nil }
            state.latest = value
            return Array(state.continuations.values)
        }
        guard let continuations else { return false }
        for continuation in continuations { continuation.yield(value) }
        return true
    }
}
