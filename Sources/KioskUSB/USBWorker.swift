import Dispatch

/// A serial dispatch queue on which every blocking libusb call runs, so the cooperative pool is
/// never blocked; results come back through checked continuations.
final class USBWorker: Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    /// Runs `body` on the worker queue and returns its result to the awaiting task.
    func perform<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Swift.Result { try body() }) }
        }
    }
}

extension Duration {
    /// Milliseconds for a libusb timeout: at least 1 (libusb treats 0 as "wait forever").
    var libusbMilliseconds: UInt32 {
        let (seconds, attoseconds) = components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return UInt32(clamping: max(1, milliseconds))
    }
}
