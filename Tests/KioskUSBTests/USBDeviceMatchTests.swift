import KioskUSB
import Testing

/// Selecting a device by VID:PID and optionally bus and address.
@Suite struct USBDeviceMatchTests {
    let reader = USBDeviceInfo(bus: 1, address: 3, vendorID: 0x298d, productID: 0x1010)

    @Test func vendorAndProductSelect() {
        #expect(USBDeviceMatch(vendorID: 0x298d, productID: 0x1010).matches(reader))
        #expect(!USBDeviceMatch(vendorID: 0x298d, productID: 0x1011).matches(reader))
        #expect(!USBDeviceMatch(vendorID: 0x08ff, productID: 0x1010).matches(reader))
    }

    @Test func busAndAddressPinOneDevice() {
        #expect(USBDeviceMatch(vendorID: 0x298d, productID: 0x1010, bus: 1, address: 3).matches(reader))
        #expect(!USBDeviceMatch(vendorID: 0x298d, productID: 0x1010, bus: 2).matches(reader))
        #expect(!USBDeviceMatch(vendorID: 0x298d, productID: 0x1010, address: 4).matches(reader))
    }

    @Test func descriptionsUseHexIDs() {
        #expect("\(reader)" == "298d:1010 at bus 1 address 3")
        #expect("\(USBDeviceMatch(vendorID: 0x08ff, productID: 0x5731, bus: 3))" == "08ff:5731 on bus 3")
    }
}
