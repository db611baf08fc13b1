import KioskUSB
import Testing

/// Transfer buffers can be wiped and never print their bytes.
@Suite struct USBBufferTests {
    @Test func wipeZeroesEveryByte() {
        let buffer = USBBuffer(count: 540)
        buffer.withUnsafeMutableBytes { for index in $0.indices { $0[index] = UInt8(truncatingIfNeeded: index | 1) } }
        #expect(!buffer.isZeroed)
        #expect(buffer.copyBytes(0..<3) == [1, 1, 3])
        buffer.wipe()
        #expect(buffer.isZeroed)
        #expect(buffer.count == 540)
        #expect("\(buffer)" == "USBBuffer(540 bytes)")
    }
}
