import Synchronization

/// Fans events out to any number of `AsyncStream` subscribers; unlike `StatusBroadcaster` a new
/// subscriber gets only events published after it subscribed. Safe to call from any thread.
public final class EventBroadcaster<Value: Sendable>: Sendable {
    private struct State {
        var continuations: [Int: AsyncStream<Value>.Continuation] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    /// A broadcaster with no subscribers.
    public init() {}

    /// A stream of every event published from now on.
    public func subscribe() -> AsyncStream<Value> {
        let (stream, continuation) = AsyncStream<Value>.makeStream(bufferingPolicy: .bufferingNewest(256))
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.continuations[id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// Delivers `value` to every current subscriber.
    public func publish(_ value: Value) {
        let continuations = state.withLock { Array($0.continuations.values) }
        for continuation in continuations { continuation.yield(value) }
    }
}
