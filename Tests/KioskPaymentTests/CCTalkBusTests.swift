import KioskPayment
import KioskTestSupport
import Testing

@Suite("ccTalk bus over a pseudo-terminal")
struct CCTalkBusTests {
    private func acceptor() -> EmulatedCoinAcceptor { EmulatedCoinAcceptor(address: 2, coinIDs: [1: "KR100A"]) }

    @Test("a simple poll round-trips through the shared-wire echo")
    func simplePollWithEcho() async throws {
        let emulator = try CCTalkEmulator(devices: [acceptor()])
        defer { emulator.stop() }
        let bus = try CCTalkBus(path: emulator.path)
        try await CCTalkPeripheral(bus: bus, address: 2).simplePoll()
        #expect(emulator.requests.map { $0.encoded() } == [[0x02, 0x00, 0x01, 0xFE, 0xFF]])
    }

    @Test("a line without echo works when the bus is told so")
    func noEcho() async throws {
        let emulator = try CCTalkEmulator(echo: false, devices: [acceptor()])
        defer { emulator.stop() }
        let bus = try CCTalkBus(path: emulator.path, options: CCTalkBusOptions(localEcho: false))
        try await CCTalkPeripheral(bus: bus, address: 2).simplePoll()
    }

    @Test("expecting an echo on a line without one is reported as an echo mismatch")
    func missingEcho() async throws {
        let emulator = try CCTalkEmulator(echo: false, devices: [acceptor()])
        defer { emulator.stop() }
        let bus = try CCTalkBus(path: emulator.path, options: CCTalkBusOptions(replyTimeout: .milliseconds(50), retries: 0))
        await #expect(throws: CCTalkError.echoMismatch(address: 2, header: 254)) {
            try await CCTalkPeripheral(bus: bus, address: 2).simplePoll()
        }
    }

    @Test("a silent device is retried, then reported as not answering")
    func silentDevice() async throws {
        let emulator = try CCTalkEmulator(devices: [acceptor()])
        defer { emulator.stop() }
        emulator.setFault(.deviceSilent, at: 2)
        let bus = try CCTalkBus(path: emulator.path, options: CCTalkBusOptions(replyTimeout: .milliseconds(40), retries: 2))
        await #expect(throws: CCTalkError.noReply(address: 2, header: 254)) {
            try await CCTalkPeripheral(bus: bus, address: 2).simplePoll()
        }
        #expect(emulator.requests.count == 3)
    }

    @Test("a corrupted checksum is retried, then reported; the device answers again once fixed")
    func corruptedChecksum() async throws {
        let emulator = try CCTalkEmulator(devices: [acceptor()])
        defer { emulator.stop() }
        emulator.setFault(.corruptedChecksum, at: 2)
        let bus = try CCTalkBus(path: emulator.path, options: CCTalkBusOptions(replyTimeout: .milliseconds(50), retries: 1))
        await #expect(throws: CCTalkError.badChecksum(address: 2, header: 254)) {
            try await CCTalkPeripheral(bus: bus, address: 2).simplePoll()
        }
        #expect(emulator.requests.count == 2)
        emulator.setFault(.corruptedChecksum, at: 2, active: false)
        try await CCTalkPeripheral(bus: bus, address: 2).simplePoll()
    }

    @Test("a header the device does not know is a NAK, not retried")
    func nak() async throws {
        let emulator = try CCTalkEmulator(devices: [acceptor()])
        defer { emulator.stop() }
        let bus = try CCTalkBus(path: emulator.path)
        await #expect(throws: CCTalkError.nak(address: 2, header: 99)) {
            try await bus.command(CCTalkHeader(rawValue: 99), to: 2)
        }
        #expect(emulator.requests.count == 1)
    }

    @Test("the CRC-16 variant identifies a device")
    func crc16() async throws {
        let emulator = try CCTalkEmulator(checksum: .crc16, devices: [acceptor()])
        defer { emulator.stop() }
        let bus = try CCTalkBus(path: emulator.path, options: CCTalkBusOptions(checksum: .crc16))
        let identity = try await CCTalkPeripheral(bus: bus, address: 2).identify()
        #expect(identity.equipmentCategory == "Coin Acceptor")
        #expect(identity.serialNumber == 0x0A_0B_0C)
    }

    @Test("opening a path that does not exist names it")
    func missingPort() {
        #expect(throws: CCTalkError.port("cannot open serial port /dev/does-not-exist-kiosk: No such file or directory (errno 2)")) {
            try CCTalkBus(path: "/dev/does-not-exist-kiosk")
        }
    }
}
