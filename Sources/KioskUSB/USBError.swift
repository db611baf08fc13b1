internal import CLibUSB

/// A libusb call that failed, mapped at the wall: what was attempted and what went wrong.
public struct USBError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, one case per libusb error code.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Input/output error (the transfer failed on the bus; also how umockdev reports a replay mismatch).
        case io
        /// An argument was invalid (a bug in the caller).
        case invalidParameter
        /// Permission denied: the process may not open the device (udev rule missing, wrong group).
        case accessDenied
        /// The device is gone (unplugged) or was never there.
        case noDevice
        /// No such entity: the device, interface or endpoint was not found.
        case notFound
        /// The interface is claimed by another process or a kernel driver.
        case busy
        /// The device did not answer within the timeout.
        case timeout
        /// The device sent more data than the buffer holds.
        case overflow
        /// The endpoint stalled (halted); it needs a clear-halt before the next transfer.
        case stall
        /// A system call was interrupted.
        case interrupted
        /// libusb could not allocate memory.
        case noMemory
        /// The operation is not supported on this platform or by this device.
        case notSupported
        /// An unknown libusb error.
        case other
    }

    /// What went wrong.
    public let kind: Kind
    /// What was attempted, e.g. `bulk read from endpoint 0x83`.
    public let operation: String
    /// The raw libusb error code (negative), for technicians.
    public let code: Int32

    /// An error of `kind` while doing `operation`.
    public init(kind: Kind, operation: String, code: Int32 = 0) {
        self.kind = kind
        self.operation = operation
        self.code = code
    }

    /// Maps a libusb return code (`LIBUSB_ERROR_*`) to an error.
    init(libusbCode code: Int32, operation: String) {
        self.init(kind: Self.kind(forCode: code), operation: operation, code: code)
    }

    static func kind(forCode code: Int32) -> Kind {
        switch code {
        case LIBUSB_ERROR_IO.rawValue: .io
        case LIBUSB_ERROR_INVALID_PARAM.rawValue: .invalidParameter
        case LIBUSB_ERROR_ACCESS.rawValue: .accessDenied
        case LIBUSB_ERROR_NO_DEVICE.rawValue: .noDevice
        case LIBUSB_ERROR_NOT_FOUND.rawValue: .notFound
        case LIBUSB_ERROR_BUSY.rawValue: .busy
        case LIBUSB_ERROR_TIMEOUT.rawValue: .timeout
        case LIBUSB_ERROR_OVERFLOW.rawValue: .overflow
        case LIBUSB_ERROR_PIPE.rawValue: .stall
        case LIBUSB_ERROR_INTERRUPTED.rawValue: .interrupted
        case LIBUSB_ERROR_NO_MEM.rawValue: .noMemory
        case LIBUSB_ERROR_NOT_SUPPORTED.rawValue: .notSupported
        default: .other
        }
    }

    /// True when the device is no longer there (unplugged mid-transfer or before opening).
    public var isDisconnect: Bool { kind == .noDevice }

    /// A sentence naming the operation and the cause.
    public var description: String {
        let cause: String = switch kind {
        case .io: "input/output error on the bus"
        case .invalidParameter: "invalid parameter"
        case .accessDenied: "permission denied (check the udev rule and the kiosk user's groups)"
        case .noDevice: "the device is not connected (unplugged?)"
        case .notFound: "not found"
        case .busy: "the device or interface is busy (claimed by another process or driver)"
        case .timeout: "the device did not answer in time"
        case .overflow: "the device sent more data than expected"
        case .stall: "the endpoint stalled"
        case .interrupted: "interrupted"
        case .noMemory: "out of memory"
        case .notSupported: "not supported on this platform"
        case .other: "unknown libusb error"
        }
        return code == 0 ? "USB \(operation) failed: \(cause)" : "USB \(operation) failed: \(cause) (libusb \(code))"
    }
}
