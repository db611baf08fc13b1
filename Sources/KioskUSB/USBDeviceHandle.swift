internal import CLibUSB

/// An opened device with one claimed interface: the libusb `USBTransport`. Transfers block on the
/// context's serial queue, one at a time, with the timeout the caller gives.
///
/// `@unchecked Sendable`: `handle` is read and written only on the context's serial worker queue
/// (every method hops there first), so no two threads ever touch it at once.
public final class USBDeviceHandle: USBTransport, @unchecked Sendable {
    /// What is open.
    public let device: USBDeviceInfo
    private let context: USBContext
    private let interface: Int32
    private var handle: OpaquePointer?

    init(context: USBContext, handle: OpaquePointer, device: USBDeviceInfo, interface: Int32) {
        self.context = context
        self.handle = handle
        self.device = device
        self.interface = interface
    }

    deinit {
        // Every pending worker closure holds a strong reference to the handle, so none is running.
        if let handle {
            libusb_release_interface(handle, interface)
            libusb_close(handle)
        }
    }

    /// Runs `body` with the open handle on the worker queue.
    private func withHandle<Result: Sendable>(
        _ operation: @autoclosure () -> String, _ body: @escaping @Sendable (OpaquePointer) throws -> Result
    ) async throws -> Result {
        let operation = operation()
        return try await context.worker.perform { [self] in
            guard let handle else { throw USBError(kind: .noDevice, operation: "\(operation) (device closed)") }
            return try body(handle)
        }
    }

    /// Bulk OUT transfer on the worker queue; see `USBTransport.bulkWrite`.
    public func bulkWrite(endpoint: UInt8, data: [UInt8], timeout: Duration) async throws -> Int {
        try await write(endpoint: endpoint, data: data, timeout: timeout, kind: "bulk", transfer: libusb_bulk_transfer)
    }

    /// Interrupt OUT transfer on the worker queue; see `USBTransport.interruptWrite`.
    public func interruptWrite(endpoint: UInt8, data: [UInt8], timeout: Duration) async throws -> Int {
        try await write(endpoint: endpoint, data: data, timeout: timeout, kind: "interrupt", transfer: libusb_interrupt_transfer)
    }

    /// Bulk IN transfer on the worker queue; see `USBTransport.bulkRead`.
    public func bulkRead(endpoint: UInt8, into buffer: USBBuffer, timeout: Duration) async throws -> Int {
        try await read(endpoint: endpoint, into: buffer, timeout: timeout, kind: "bulk", transfer: libusb_bulk_transfer)
    }

    /// Interrupt IN transfer on the worker queue; see `USBTransport.interruptRead`.
    public func interruptRead(endpoint: UInt8, into buffer: USBBuffer, timeout: Duration) async throws -> Int {
        try await read(endpoint: endpoint, into: buffer, timeout: timeout, kind: "interrupt", transfer: libusb_interrupt_transfer)
    }

    private typealias Transfer = @Sendable (
        OpaquePointer?, UInt8, UnsafeMutablePointer<UInt8>?, Int32, UnsafeMutablePointer<Int32>?, UInt32
    ) -> Int32

    private func write(endpoint: UInt8, data: [UInt8], timeout: Duration, kind: String, transfer: @escaping Transfer) async throws -> Int {
        let milliseconds = timeout.libusbMilliseconds
        let operation = "\(kind) write to endpoint 0x\(String(endpoint, radix: 16))"
        return try await withHandle(operation) { handle in
            var bytes = data
            var sent: Int32 = 0
            let result = bytes.withUnsafeMutableBufferPointer { pointer in
                transfer(handle, endpoint & 0x7F, pointer.baseAddress, Int32(pointer.count), &sent, milliseconds)
            }
            guard result == 0 else { throw USBError(libusbCode: result, operation: operation) }
            return Int(sent)
        }
    }

    private func read(endpoint: UInt8, into buffer: USBBuffer, timeout: Duration, kind: String, transfer: @escaping Transfer) async throws -> Int {
        let milliseconds = timeout.libusbMilliseconds
        let operation = "\(kind) read from endpoint 0x\(String(endpoint, radix: 16))"
        return try await withHandle(operation) { handle in
            var received: Int32 = 0
            let result = buffer.withUnsafeMutableBytes { pointer in
                transfer(handle, endpoint | 0x80, pointer.baseAddress, Int32(pointer.count), &received, milliseconds)
            }
            guard result == 0 else { throw USBError(libusbCode: result, operation: operation) }
            return Int(received)
        }
    }

    /// `libusb_clear_halt` on the worker queue.
    public func clearHalt(endpoint: UInt8) async throws {
        let operation = "clear halt on endpoint 0x\(String(endpoint, radix: 16))"
        try await withHandle(operation) { handle in
            let result = libusb_clear_halt(handle, endpoint)
            guard result == 0 else { throw USBError(libusbCode: result, operation: operation) }
        }
    }

    /// `libusb_reset_device` on the worker queue.
    public func reset() async throws {
        try await withHandle("reset of \(device)") { [device] handle in
            let result = libusb_reset_device(handle)
            guard result == 0 else { throw USBError(libusbCode: result, operation: "reset of \(device)") }
        }
    }

    /// Releases the interface and closes the handle; later calls throw `.noDevice`.
    public func close() async {
        let interface = interface
        _ = try? await context.worker.perform { [self] in
            guard let open = handle else { return }
            libusb_release_interface(open, interface)
            libusb_close(open)
            handle = nil
        }
    }
}
