import Foundation

/// A dedicated thread that owns one `IPPConnection` and runs blocking libcups calls on it, one at a
/// time, in order. Async callers suspend on a continuation while the thread works, so libcups never
/// blocks the cooperative pool, and `cupsLastError()` (thread-local) is always read on the thread that
/// made the call. The thread ends when the worker is released.
final class CUPSWorker: Sendable {
    typealias Work = @Sendable (IPPConnection) -> Void

    /// The work queue shared with the thread.
    private final class Queue: @unchecked Sendable {
        // Every field is read and written only while `condition` is locked.
        let condition = NSCondition()
        var items: [Work] = []
        var closed = false
    }

    private let queue = Queue()

    /// Starts the thread; its connection talks to `target`.
    init(target: IPPPrinterURI, connectTimeout: Duration, requestTimeout: Duration, userName: String) {
        let queue = queue
        let thread = Thread {
            let connection = IPPConnection(target: target, connectTimeout: connectTimeout,
                                           requestTimeout: requestTimeout, userName: userName)
            while true {
                queue.condition.lock()
                while queue.items.isEmpty && !queue.closed { queue.condition.wait() }
                if queue.items.isEmpty {
                    queue.condition.unlock()
                    return
                }
                let work = queue.items.removeFirst()
                queue.condition.unlock()
                work(connection)
            }
        }
        thread.name = "kiosk-cups \(target.host):\(target.port)"
        thread.start()
    }

    deinit {
        queue.condition.lock()
        queue.closed = true
        queue.condition.signal()
        queue.condition.unlock()
    }

    /// Runs `body` on the worker thread and returns its result; the caller suspends meanwhile.
    func perform<T: Sendable>(_ body: @escaping @Sendable (IPPConnection) -> T) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            queue.condition.lock()
            queue.items.append { connection in continuation.resume(returning: body(connection)) }
            queue.condition.signal()
            queue.condition.unlock()
        }
    }
}
