/// The transfers a device driver needs from an opened, claimed USB device. `USBDeviceHandle` is the
/// libusb implementation; tests use fakes to provoke timeouts, stalls, short reads and unplugs.
///
/// Contract for conformers: one transfer at a time (calls are serialised by the caller); a failed
/// transfer throws `USBError` naming the operation; a `timeout` must never be infinite (callers pass
/// short timeouts and check for cancellation between transfers); after `close()` every call throws
/// `USBError` of kind `.noDevice`.
public protocol USBTransport: Sendable {
    /// What the transport is connected to.
    var device: USBDeviceInfo { get }
    /// Writes all of `data` to bulk OUT `endpoint`; returns the number of bytes sent.
    /// - Throws: `USBError` (`.timeout`, `.stall`, `.noDevice`, `.io`, …).
    func bulkWrite(endpoint: UInt8, data: [UInt8], timeout: Duration) async throws -> Int
    /// Reads up to `buffer.count` bytes from bulk IN `endpoint` into `buffer`; returns how many arrived.
    /// - Throws: `USBError` (`.timeout`, `.stall`, `.overflow`, `.noDevice`, `.io`, …).
    func bulkRead(endpoint: UInt8, into buffer: USBBuffer, timeout: Duration) async throws -> Int
    /// Writes `data` to interrupt OUT `endpoint`; returns the number of bytes sent.
    /// - Throws: `USBError`.
    func interruptWrite(endpoint: UInt8, data: [UInt8], timeout: Duration) async throws -> Int
    /// Reads up to `buffer.count` bytes from interrupt IN `endpoint`; returns how many arrived.
    /// - Throws: `USBError`.
    func interruptRead(endpoint: UInt8, into buffer: USBBuffer, timeout: Duration) async throws -> Int
    /// Clears a halt (stall) on `endpoint`.
    /// - Throws: `USBError`.
    func clearHalt(endpoint: UInt8) async throws
    /// Resets the device (a USB port reset). The handle stays valid unless it throws `.notFound`,
    /// in which case the device re-enumerated and must be opened again.
    /// - Throws: `USBError`.
    func reset() async throws
    /// Releases the interface and closes the device; further calls throw `.noDevice`. Never throws.
    func close() async
}
