@testable import KioskUSB
import Testing

/// libusb error codes become Swift errors that say what happened.
@Suite struct USBErrorTests {
    /// The libusb-1.0 codes (libusb.h `enum libusb_error`).
    @Test(arguments: [
        (Int32(-1), USBError.Kind.io), (-2, .invalidParameter), (-3, .accessDenied), (-4, .noDevice), (-5, .notFound),
        (-6, .busy), (-7, .timeout), (-8, .overflow), (-9, .stall), (-10, .interrupted), (-11, .noMemory),
        (-12, .notSupported), (-99, .other), (-42, .other),
    ])
    func everyLibusbCodeMapsToItsKind(code: Int32, kind: USBError.Kind) {
        let error = USBError(libusbCode: code, operation: "bulk read from endpoint 0x83")
        #expect(error.kind == kind)
        #expect(error.code == code)
        #expect(error.description.hasPrefix("USB bulk read from endpoint 0x83 failed: "))
        #expect(error.description.hasSuffix("(libusb \(code))"))
    }

    @Test func descriptionsNameTheCause() {
        #expect(USBError(kind: .stall, operation: "bulk read from endpoint 0x83", code: -9).description
            == "USB bulk read from endpoint 0x83 failed: the endpoint stalled (libusb -9)")
        #expect(USBError(kind: .accessDenied, operation: "open 298d:1010").description
            == "USB open 298d:1010 failed: permission denied (check the udev rule and the kiosk user's groups)")
        #expect(USBError(kind: .noDevice, operation: "x").isDisconnect)
        #expect(!USBError(kind: .timeout, operation: "x").isDisconnect)
    }

    @Test func timeoutsAreNeverInfinite() {
        #expect(Duration.zero.libusbMilliseconds == 1)
        #expect(Duration.microseconds(10).libusbMilliseconds == 1)
        #expect(Duration.milliseconds(500).libusbMilliseconds == 500)
        #expect(Duration.seconds(3).libusbMilliseconds == 3000)
    }
}
