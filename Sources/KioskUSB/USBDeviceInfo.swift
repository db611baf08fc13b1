/// Where a USB device sits and what it is: bus, address, vendor and product id.
public struct USBDeviceInfo: Sendable, Hashable, CustomStringConvertible {
    /// Bus number (1-based, as in `/dev/bus/usb/BBB/DDD`).
    public var bus: UInt8
    /// Device address on the bus.
    public var address: UInt8
    /// USB vendor id.
    public var vendorID: UInt16
    /// USB product id.
    public var productID: UInt16

    /// A device description.
    public init(bus: UInt8, address: UInt8, vendorID: UInt16, productID: UInt16) {
        self.bus = bus
        self.address = address
        self.vendorID = vendorID
        self.productID = productID
    }

    /// `298d:1010 at bus 1 address 3`.
    public var description: String {
        "\(USBDeviceMatch.hex4(vendorID)):\(USBDeviceMatch.hex4(productID)) at bus \(bus) address \(address)"
    }
}
