import Synchronization

/// A byte buffer a transfer reads into. It may hold biometric data: the owner calls `wipe()` as soon
/// as the bytes have been used; the buffer never prints its contents.
public final class USBBuffer: Sendable, CustomStringConvertible {
    private let storage: Mutex<[UInt8]>

    /// A zeroed buffer of `count` bytes.
    public init(count: Int) {
        precondition(count >= 0, "a buffer cannot have a negative size")
        storage = Mutex([UInt8](repeating: 0, count: count))
    }

    /// The buffer's size in bytes.
    public var count: Int { storage.withLock { $0.count } }

    /// Runs `body` with the bytes, mutable; the buffer is locked meanwhile.
    public func withUnsafeMutableBytes<Result: Sendable>(_ body: (UnsafeMutableBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.withLock { bytes in try bytes.withUnsafeMutableBufferPointer { try body($0) } }
    }

    /// Runs `body` with the bytes, read-only.
    public func withBytes<Result: Sendable>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.withLock { bytes in try bytes.withUnsafeBufferPointer { try body($0) } }
    }

    /// A copy of the bytes (for protocol headers; the caller wipes the copy if it is sensitive).
    public func copyBytes(_ range: Range<Int>? = nil) -> [UInt8] {
        storage.withLock { bytes in Array(bytes[range ?? bytes.indices]) }
    }

    /// Overwrites every byte with zero in place.
    public func wipe() {
        withUnsafeMutableBytes { pointer in
            for index in pointer.indices { pointer[index] = 0 }
        }
    }

    /// True when every byte is zero (used to check that sensitive data was wiped).
    public var isZeroed: Bool { withBytes { $0.allSatisfy { $0 == 0 } } }

    /// Never prints the bytes.
    public var description: String { "USBBuffer(\(count) bytes)" }
}
