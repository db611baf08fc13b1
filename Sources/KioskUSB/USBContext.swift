internal import CLibUSB

/// A libusb context: enumerates devices and opens them. Every libusb call runs on the context's
/// own serial queue (see `USBWorker`), never on the cooperative pool.
///
/// `@unchecked Sendable`: the context pointer is only used on `worker`'s serial queue (and libusb
/// contexts are thread-safe in any case); it is freed in `deinit`, after every handle, which keeps
/// a strong reference to its context, is gone.
public final class USBContext: @unchecked Sendable {
    let pointer: OpaquePointer
    let worker: USBWorker

    /// Initialises libusb.
    /// - Throws: `USBError` when libusb cannot start (no usbfs, out of memory).
    public init() throws {
        var context: OpaquePointer?
        let result = libusb_init(&context)
        guard result == 0, let context else { throw USBError(libusbCode: result, operation: "initialisation") }
        pointer = context
        worker = USBWorker(label: "kiosk.usb.context")
    }

    deinit {
        // Every pending worker closure holds a strong reference to the context, so none is running.
        libusb_exit(pointer)
    }

    /// True when this libusb build reports native hotplug support. `presenceEvents` polls either
    /// way (see there).
    public var hasNativeHotplug: Bool { libusb_has_capability(UInt32(LIBUSB_CAP_HAS_HOTPLUG.rawValue)) != 0 }

    /// Every device on every bus that `match` selects (all devices when `match` is nil).
    /// - Throws: `USBError` when the device list cannot be read.
    public func devices(matching match: USBDeviceMatch? = nil) async throws -> [USBDeviceInfo] {
        try await worker.perform { [self] in try Self.enumerate(pointer).filter { match?.matches($0) ?? true } }
    }

    /// Opens the first device `match` selects, detaching a kernel driver if one holds the interface,
    /// and claims `interface`.
    /// - Throws: `USBError` of kind `.noDevice` naming the match when no such device is connected;
    ///   `.accessDenied` when permissions forbid opening it; `.busy` when another process holds it.
    public func open(_ match: USBDeviceMatch, interface: Int32 = 0) async throws -> USBDeviceHandle {
        let opened = try await worker.perform { [self] () -> OpenedHandle in
            var list: UnsafeMutablePointer<OpaquePointer?>?
            let count = libusb_get_device_list(pointer, &list)
            guard count >= 0, let list else { throw USBError(libusbCode: Int32(count), operation: "device enumeration") }
            defer { libusb_free_device_list(list, 1) }
            for index in 0..<Int(count) {
                guard let device = list[index], let info = Self.info(device), match.matches(info) else { continue }
                var handle: OpaquePointer?
                let result = libusb_open(device, &handle)
                guard result == 0, let handle else { throw USBError(libusbCode: result, operation: "open \(info)") }
                // Detach a kernel driver only when one holds the interface (1); errors here mean the
                // platform cannot tell (or umockdev does not emulate the query): claim and see.
                if libusb_kernel_driver_active(handle, interface) == 1 {
                    let detach = libusb_detach_kernel_driver(handle, interface)
                    guard detach == 0 else {
                        libusb_close(handle)
                        throw USBError(libusbCode: detach, operation: "detach kernel driver from interface \(interface) of \(info)")
                    }
                }
                let claim = libusb_claim_interface(handle, interface)
                guard claim == 0 else {
                    libusb_close(handle)
                    throw USBError(libusbCode: claim, operation: "claim interface \(interface) of \(info)")
                }
                return OpenedHandle(pointer: handle, info: info)
            }
            throw USBError(kind: .noDevice, operation: "open \(match) (no such device connected)")
        }
        return USBDeviceHandle(context: self, handle: opened.pointer, device: opened.info, interface: interface)
    }

    private struct OpenedHandle: @unchecked Sendable {  // handed from the worker queue to the handle's owner once
        let pointer: OpaquePointer
        let info: USBDeviceInfo
    }

    static func enumerate(_ context: OpaquePointer) throws -> [USBDeviceInfo] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(context, &list)
        guard count >= 0, let list else { throw USBError(libusbCode: Int32(count), operation: "device enumeration") }
        defer { libusb_free_device_list(list, 1) }
        return (0..<Int(count)).compactMap { list[$0].flatMap(info) }
    }

    static func info(_ device: OpaquePointer) -> USBDeviceInfo? {
        var descriptor = libusb_device_descriptor()
        guard libusb_get_device_descriptor(device, &descriptor) == 0 else { return nil }
        return USBDeviceInfo(
            bus: libusb_get_bus_number(device), address: libusb_get_device_address(device),
            vendorID: descriptor.idVendor, productID: descriptor.idProduct)
    }
}
