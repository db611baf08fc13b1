import KioskPayment
import KioskTestSupport
import Testing

@Suite("ccTalk device drivers against the emulator")
struct CCTalkDeviceTests {
    @Test("identification, inhibits and coin credits of a coin acceptor")
    func coinAcceptor() async throws {
        let emulator = try CCTalkEmulator(devices: [EmulatedCoinAcceptor(address: 2, coinIDs: [1: "KR100A", 2: "KR500A"])])
        defer { emulator.stop() }
        let acceptor = CCTalkCoinAcceptor(bus: try CCTalkBus(path: emulator.path))
        let identity = try await acceptor.peripheral.identify()
        #expect(identity == CCTalkDeviceIdentity(equipmentCategory: "Coin Acceptor", manufacturer: "KTE", productCode: "EMU-COIN", serialNumber: 0x0A_0B_0C, softwareRevision: "1.0-emu"))
        #expect(try await acceptor.coinID(channel: 2) == "KR500A")

        _ = try await acceptor.readEvents()
        try await acceptor.peripheral.setEnabledChannels([2])
        try await acceptor.peripheral.setMasterEnabled(true)
        #expect(try await acceptor.peripheral.enabledChannels() == [2])
        #expect(try await acceptor.peripheral.masterEnabled())

        emulator.with(EmulatedCoinAcceptor.self, at: 2) { $0.insert(channel: 2); $0.insert(channel: 1) }
        let read = try await acceptor.readEvents()
        #expect(read.events == [.credit(channel: 2, path: 1), .error(code: 2)])
        #expect(CCTalkCoinEvent.describe(code: 2) == "inhibited coin")
    }

    @Test("coin jam and fraud attempt come out as the specification's error codes")
    func coinFaults() async throws {
        let emulator = try CCTalkEmulator(devices: [EmulatedCoinAcceptor(address: 2, coinIDs: [1: "KR100A"])])
        defer { emulator.stop() }
        let acceptor = CCTalkCoinAcceptor(bus: try CCTalkBus(path: emulator.path))
        _ = try await acceptor.readEvents()
        emulator.setFault(.coinJam, at: 2)
        emulator.with(EmulatedCoinAcceptor.self, at: 2) { $0.insert(channel: 1) }
        emulator.setFault(.coinJam, at: 2, active: false)
        emulator.setFault(.fraudAttempt, at: 2)
        emulator.with(EmulatedCoinAcceptor.self, at: 2) { $0.insert(channel: 1) }
        let events = try await acceptor.readEvents().events
        #expect(events == [.error(code: 14), .error(code: 20)])
        #expect(events[0].isJam && !events[0].isFraud)
        #expect(events[1].isFraud)
    }

    @Test("a bill is held in escrow, then stacked or returned by route bill")
    func billEscrow() async throws {
        let emulator = try CCTalkEmulator(devices: [EmulatedBillValidator(address: 40, billIDs: [1: "KR0001A", 3: "KR0010A"])])
        defer { emulator.stop() }
        let validator = CCTalkBillValidator(bus: try CCTalkBus(path: emulator.path))
        let value = try await validator.billValue(billType: 3)
        #expect(value.id == "KR0010A" && value.won == 10000)
        _ = try await validator.readEvents()
        try await validator.peripheral.setEnabledChannels([1, 3])
        try await validator.peripheral.setMasterEnabled(true)

        emulator.with(EmulatedBillValidator.self, at: 40) { $0.insert(type: 3) }
        #expect(try await validator.readEvents().events == [.escrow(billType: 3)])
        try await validator.route(.stack)
        #expect(try await validator.readEvents().events == [.stacked(billType: 3)])

        emulator.with(EmulatedBillValidator.self, at: 40) { $0.insert(type: 1) }
        try await validator.route(.returnBill)
        #expect(try await validator.readEvents().events == [.escrow(billType: 1), .status(code: 1)])
        await #expect(throws: CCTalkError.unexpectedReply(address: 40, header: 154, detail: "escrow is empty")) {
            try await validator.route(.stack)
        }
        #expect(emulator.with(EmulatedBillValidator.self, at: 40) { ($0.stacked, $0.returned) } == ([3], [1]))
    }

    @Test("a rejected bill and a string fraud are status events")
    func billFaults() async throws {
        let emulator = try CCTalkEmulator(devices: [EmulatedBillValidator(address: 40, billIDs: [1: "KR0001A"])])
        defer { emulator.stop() }
        let validator = CCTalkBillValidator(bus: try CCTalkBus(path: emulator.path))
        _ = try await validator.readEvents()
        try await validator.peripheral.setEnabledChannels([1])
        try await validator.peripheral.setMasterEnabled(true)
        emulator.setFault(.billRejected, at: 40)
        emulator.with(EmulatedBillValidator.self, at: 40) { $0.insert(type: 1) }
        emulator.setFault(.billRejected, at: 40, active: false)
        emulator.setFault(.fraudAttempt, at: 40)
        emulator.with(EmulatedBillValidator.self, at: 40) { $0.insert(type: 1) }
        #expect(try await validator.readEvents().events == [.status(code: 2), .status(code: 18)])
    }

    @Test("a hopper pays, reports its status, and shows the empty sensor")
    func hopperPayout() async throws {
        let emulator = try CCTalkEmulator(devices: [EmulatedHopper(address: 3, coinID: "KR500A", coins: 12)])
        defer { emulator.stop() }
        let hopper = CCTalkHopper(bus: try CCTalkBus(path: emulator.path), address: 3)
        #expect(try await hopper.peripheral.identify().equipmentCategory == "Payout")
        #expect(try await hopper.coinID() == "KR500A")
        #expect(try await hopper.sensors().payoutDisabled)
        await #expect(throws: CCTalkError.nak(address: 3, header: 167)) { _ = try await hopper.dispense(1) }
        try await hopper.enable()

        let counter = try await hopper.dispense(5)
        var status = try await hopper.status()
        while status.coinsRemaining > 0 { status = try await hopper.status() }
        #expect(status == CCTalkHopperStatus(eventCounter: counter, coinsRemaining: 0, lastPaid: 5, lastUnpaid: 0))
        #expect(try await hopper.sensors().low)  // 7 left, below the trigger of 10

        emulator.setFault(.hopperEmpty, at: 3)
        let second = try await hopper.dispense(2)
        status = try await hopper.status()
        while status.coinsRemaining > 0 { status = try await hopper.status() }
        #expect(status == CCTalkHopperStatus(eventCounter: second, coinsRemaining: 0, lastPaid: 0, lastUnpaid: 2))
        #expect(try await hopper.sensors().payoutTimeout)
        #expect(emulator.requests.filter { $0.header == 167 }.count == 3)
    }
}
