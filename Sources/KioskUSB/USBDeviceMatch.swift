/// Which device to open: vendor and product id, optionally pinned to one bus and address (when a
/// kiosk has two identical readers, or a technician names one).
public struct USBDeviceMatch: Sendable, Hashable, CustomStringConvertible {
    /// USB vendor id.
    public var vendorID: UInt16
    /// USB product id.
    public var productID: UInt16
    /// Only a device on this bus, if set.
    public var bus: UInt8?
    /// Only a device at this address, if set.
    public var address: UInt8?

    /// A match on `vendorID:productID`, optionally on `bus` and `address`.
    public init(vendorID: UInt16, productID: UInt16, bus: UInt8? = nil, address: UInt8? = nil) {
        self.vendorID = vendorID
        self.productID = productID
        self.bus = bus
        self.address = address
    }

    /// True when `device` is one this match selects.
    public func matches(_ device: USBDeviceInfo) -> Bool {
        device.vendorID == vendorID && device.productID == productID
            && (bus == nil || bus == device.bus) && (address == nil || address == device.address)
    }

    /// `298d:1010` or `298d:1010 at bus 1 address 3`.
    public var description: String {
        var text = "\(Self.hex4(vendorID)):\(Self.hex4(productID))"
        if let bus { text += " on bus \(bus)" }
        if let address { text += " at address \(address)" }
        return text
    }

    static func hex4(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
