import KioskCore
import KioskDevices
import KioskPayment
import KioskTestSupport
import Testing

@Suite("ccTalk cash handler against the emulator")
struct CCTalkCashHandlerTests {
    private let won = Money.init(won:)

    @Test("start identifies the four devices and leaves acceptance inhibited")
    func start() async throws {
        let rig = try await PaymentRig.start()
        defer { rig.emulator.stop() }
        let identities = await rig.handler.deviceIdentities()
        #expect(identities["coin acceptor"]?.equipmentCategory == "Coin Acceptor")
        #expect(identities["bill validator"]?.equipmentCategory == "Bill Validator")
        #expect(identities["hopper 500원"]?.equipmentCategory == "Payout")
        #expect(identities["hopper 100원"]?.serialNumber == 0x0442)
        #expect(await rig.handler.status().state == .online)
        #expect(rig.emulator.with(EmulatedCoinAcceptor.self, at: PaymentRig.coinAcceptor) { $0.masterEnabled } == false)
        #expect(await rig.handler.inventory().accepted == [100, 500, 1000, 5000, 10000].map(won))
    }

    @Test("a refill is checked before anything changes, then adds to the counts; an empty hopper takes change again")
    func refill() async throws {
        let rig = try await PaymentRig.start(coins500: 0, coins100: 3)
        defer { rig.emulator.stop() }
        #expect(try await rig.handler.hopperCounts(afterRefill: [won(500): 20]) == [won(500): 20, won(100): 3])
        #expect(await rig.handler.hopperCounts() == [won(500): 0, won(100): 3], "asking changes nothing")
        await #expect(throws: CashError.deviceError("no hopper pays 50원")) { try await rig.handler.refill([won(500): 5, won(50): 1]) }
        await #expect(throws: CashError.deviceError("a refill of 500원 must add at least one coin, not 0")) { try await rig.handler.refill([won(500): 0]) }
        #expect(await rig.handler.hopperCounts() == [won(500): 0, won(100): 3], "a refused refill changes nothing")
        rig.emulator.with(EmulatedHopper.self, at: PaymentRig.hopper500) { $0.coins = 20 }
        try await rig.handler.refill([won(500): 20, won(100): 7])
        #expect(await rig.handler.hopperCounts() == [won(500): 20, won(100): 10])
        #expect(try await rig.handler.dispense(won(1200)) == DispenseResult(paid: won(1200), shortfall: .zero))
        #expect(await rig.handler.hopperCounts() == [won(500): 18, won(100): 8])
        #expect(rig.paidOut(by: PaymentRig.hopper500) == 2 && rig.paidOut(by: PaymentRig.hopper100) == 2)
    }

    @Test("a note left in escrow by an earlier run is returned at start, never credited")
    func escrowReturnedAtStart() async throws {
        let emulator = try PaymentRig.emulator(coins500: 10, coins100: 10)
        defer { emulator.stop() }
        emulator.with(EmulatedBillValidator.self, at: PaymentRig.billValidator) { validator in
            validator.masterEnabled = true
            validator.inhibitMask = 0b111
            validator.insert(type: 2)
        }
        let handler = try CCTalkCashHandler(configuration: PaymentRig.configuration(path: emulator.path))
        try await handler.start()
        #expect(await handler.returnedEscrowAtStart())
        #expect(await handler.noteInEscrow() == nil)
        #expect(emulator.with(EmulatedBillValidator.self, at: PaymentRig.billValidator) { ($0.escrow, $0.stacked, $0.returned) } == (nil, [], [2]))
        #expect(await handler.cashBoxContents().isEmpty)

        let again = try CCTalkCashHandler(configuration: PaymentRig.configuration(path: emulator.path))
        try await again.start()
        #expect(await again.returnedEscrowAtStart() == false, "an empty escrow is not an error and returns nothing")
    }

    @Test("a channel whose coin id disagrees with the configuration stops start with a clear error")
    func wrongChannel() async throws {
        let emulator = try CCTalkEmulator(devices: [EmulatedCoinAcceptor(address: 2, coinIDs: [1: "KR500A"])])
        defer { emulator.stop() }
        let handler = try CCTalkCashHandler(configuration: CCTalkCashConfiguration(
            coinAcceptor: .init(port: emulator.path, channels: [1: won(100)]), billValidator: nil, hoppers: []))
        await #expect(throws: CashError.deviceError("coin acceptor: ccTalk device 2, header 184: coin channel 1 is configured as 100원 but the device reports 'KR500A'")) {
            try await handler.start()
        }
    }

    @Test("a 1,800 won fee paid with a 100 won coin and a 5,000 won note gets 6 × 500 + 3 × 100 back")
    func paymentWithChange() async throws {
        let rig = try await PaymentRig.start()
        defer { rig.emulator.stop() }
        let events = EventCollector(rig.handler.cashEvents())
        let fee = won(1800)
        let acceptance = await rig.handler.inventory().acceptance(due: fee)
        #expect(acceptance.mode == .changeAvailable)
        try await rig.handler.enableAcceptance(of: acceptance.accepted)

        rig.insertCoin(channel: 1)
        rig.insertBill(type: 2)
        await rig.handler.pollOnce()
        #expect(await events.take(2) == [.coinAccepted(won(100), eventCounter: 1), .noteInEscrow(won(5000))])
        let stacked = try await rig.handler.stackEscrow()
        #expect(stacked == won(5000))

        let change = won(100) + stacked - fee
        let result = try await rig.handler.dispense(change)
        #expect(result == DispenseResult(paid: won(3300), shortfall: .zero))
        #expect(rig.paidOut(by: PaymentRig.hopper500) == 6)
        #expect(rig.paidOut(by: PaymentRig.hopper100) == 3)
        #expect(await rig.handler.hopperCounts() == [won(500): 94, won(100): 97])
        #expect(await rig.handler.cashBoxCounts() == [won(100): 1, won(5000): 1])
    }

    @Test("a hopper that empties mid-payout: the rest comes from the other hopper, the exact shortfall is reported")
    func hopperEmptiesMidPayout() async throws {
        // The host believes 50 coins are in the 500 won hopper; there are only 2. The 100 won hopper has 3.
        let rig = try await PaymentRig.start(coins500: 2, coins100: 3, counted500: 50)
        defer { rig.emulator.stop() }
        let result = try await rig.handler.dispense(won(1500))
        #expect(result == DispenseResult(paid: won(1300), shortfall: won(200)))
        #expect(rig.paidOut(by: PaymentRig.hopper500) == 2)
        #expect(rig.paidOut(by: PaymentRig.hopper100) == 3)
        let inventory = await rig.handler.inventory()
        #expect(inventory.payout == [CashLevel(denomination: won(100), count: 0, level: .empty), CashLevel(denomination: won(500), count: 0, level: .empty)])
        let status = await rig.handler.status()
        #expect(status.state == .userError)
        #expect(status.reason == "no change left: exact amount or card only")
    }

    @Test("a hopper that jams mid-payout is taken out of service and the shortfall reported")
    func hopperJam() async throws {
        let rig = try await PaymentRig.start(coins500: 100, coins100: 0)
        defer { rig.emulator.stop() }
        rig.emulator.with(EmulatedHopper.self, at: PaymentRig.hopper500) { $0.jamAfter = 1 }
        let result = try await rig.handler.dispense(won(1000))
        #expect(result == DispenseResult(paid: won(500), shortfall: won(500)))
        let status = await rig.handler.status()
        #expect(status.state == .hardwareError)
        #expect(status.details.jammed == true)
        #expect(status.details.conditions.contains("hopper 500원 jammed"))
    }

    @Test("hopper empty from the start: nothing is paid, everything is the shortfall")
    func hopperEmpty() async throws {
        let rig = try await PaymentRig.start(coins100: 0)
        defer { rig.emulator.stop() }
        rig.emulator.setFault(.hopperEmpty, at: PaymentRig.hopper500)
        let result = try await rig.handler.dispense(won(500))
        #expect(result == DispenseResult(paid: .zero, shortfall: won(500)))
        #expect(rig.paidOut(by: PaymentRig.hopper500) == 0)
    }

    @Test("a cancelled payment gives the escrowed note back and keeps nothing")
    func cancelReturnsEscrow() async throws {
        let rig = try await PaymentRig.start()
        defer { rig.emulator.stop() }
        let events = EventCollector(rig.handler.cashEvents())
        try await rig.handler.enableAcceptance(of: [won(1000), won(5000), won(10000)])
        rig.insertBill(type: 3)
        await rig.handler.pollOnce()
        #expect(await events.take(1) == [.noteInEscrow(won(10000))])
        #expect(try await rig.handler.returnEscrow() == won(10000))
        #expect(await rig.handler.noteInEscrow() == nil)
        #expect(rig.emulator.with(EmulatedBillValidator.self, at: PaymentRig.billValidator) { ($0.stacked, $0.returned) } == ([], [3]))
        #expect(await rig.handler.cashBoxCounts().isEmpty)
        await #expect(throws: CashError.noNoteInEscrow) { try await rig.handler.stackEscrow() }
    }

    @Test("no change in the hoppers: exact amount or card only, and a 5,000 won note is refused at the slot")
    func exactAmountOnly() async throws {
        let rig = try await PaymentRig.start(coins500: 0, coins100: 0)
        defer { rig.emulator.stop() }
        let events = EventCollector(rig.handler.cashEvents())
        let acceptance = await rig.handler.inventory().acceptance(due: won(1000))
        #expect(acceptance.mode == .exactAmountOrCardOnly)
        #expect(acceptance.accepted == [won(100), won(500), won(1000)])
        try await rig.handler.enableAcceptance(of: acceptance.accepted)
        #expect(rig.emulator.with(EmulatedBillValidator.self, at: PaymentRig.billValidator) { $0.inhibitMask } == 0b001)
        rig.insertBill(type: 2)
        await rig.handler.pollOnce()
        #expect(await events.take(1) == [.rejected(reason: "bill validator: inhibited bill (on serial)")])
        #expect(await rig.handler.noteInEscrow() == nil)
    }

    @Test("enabling a denomination no channel carries is an error naming it")
    func unknownDenomination() async throws {
        let rig = try await PaymentRig.start()
        defer { rig.emulator.stop() }
        await #expect(throws: CashError.deviceError("not configured on any coin channel or bill type: 50,000원")) {
            try await rig.handler.enableAcceptance(of: [won(50000)])
        }
    }

    @Test("a coin jam raises a fault and a hardware error")
    func coinJam() async throws {
        let rig = try await PaymentRig.start()
        defer { rig.emulator.stop() }
        let events = EventCollector(rig.handler.cashEvents())
        try await rig.handler.enableAcceptance(of: [won(100)])
        rig.emulator.setFault(.coinJam, at: PaymentRig.coinAcceptor)
        rig.insertCoin(channel: 1)
        await rig.handler.pollOnce()
        #expect(await events.take(1) == [.fault(reason: "coin acceptor: credit sensor blocked")])
        #expect(await rig.handler.status().state == .hardwareError)
        await rig.handler.acknowledgeFaults()
        #expect(await rig.handler.status().state == .online)
    }

    @Test("a fraud attempt at either slot is reported and latches the fraud state", arguments: [false, true])
    func fraud(atBillSlot: Bool) async throws {
        let rig = try await PaymentRig.start()
        defer { rig.emulator.stop() }
        let events = EventCollector(rig.handler.cashEvents())
        try await rig.handler.enableAcceptance(of: [won(100), won(1000)])
        if atBillSlot {
            rig.emulator.setFault(.fraudAttempt, at: PaymentRig.billValidator)
            rig.insertBill(type: 1)
        } else {
            rig.emulator.setFault(.fraudAttempt, at: PaymentRig.coinAcceptor)
            rig.insertCoin(channel: 1)
        }
        await rig.handler.pollOnce()
        let expected = atBillSlot ? "bill validator: string fraud detected" : "coin acceptor: C.O.S. mechanism activated (coin-on-string)"
        #expect(await events.take(1) == [.fraud(reason: expected)])
        #expect(await rig.handler.status().state == .fraudAttempt)
        #expect(await rig.handler.cashBoxCounts().isEmpty)
    }

    @Test("a rejected bill is reported and nothing is credited")
    func billRejected() async throws {
        let rig = try await PaymentRig.start()
        defer { rig.emulator.stop() }
        let events = EventCollector(rig.handler.cashEvents())
        try await rig.handler.enableAcceptance(of: [won(1000)])
        rig.emulator.setFault(.billRejected, at: PaymentRig.billValidator)
        rig.insertBill(type: 1)
        await rig.handler.pollOnce()
        #expect(await events.take(1) == [.rejected(reason: "bill validator: invalid bill (due to validation fail)")])
        #expect(await rig.handler.noteInEscrow() == nil)
    }

    @Test("a silent or garbling device makes the module offline, naming it; it recovers when the device does",
          arguments: [EmulatorFault.deviceSilent, .corruptedChecksum])
    func unreachable(fault: EmulatorFault) async throws {
        let rig = try await PaymentRig.start()
        defer { rig.emulator.stop() }
        rig.emulator.setFault(fault, at: PaymentRig.billValidator)
        await rig.handler.pollOnce()
        let status = await rig.handler.status()
        #expect(status.state == .offline)
        let expected = fault == .deviceSilent ? "ccTalk device 40 did not answer header 159" : "ccTalk device 40: corrupted reply (bad checksum) to header 159"
        #expect(status.reason == "bill validator: \(expected)")
        rig.emulator.setFault(fault, at: PaymentRig.billValidator, active: false)
        await rig.handler.pollOnce()
        #expect(await rig.handler.status().state == .online)
    }

    @Test("a silent hopper at start is named in the error")
    func silentAtStart() async throws {
        let emulator = try CCTalkEmulator(devices: [EmulatedHopper(address: 3, coinID: "KR500A", coins: 10)])
        defer { emulator.stop() }
        emulator.setFault(.deviceSilent, at: 3)
        var configuration = CCTalkCashConfiguration(coinAcceptor: nil, billValidator: nil, hoppers: [.init(port: emulator.path, address: 3, coin: won(500))])
        configuration.bus = CCTalkBusOptions(replyTimeout: .milliseconds(30), retries: 0)
        let handler = try CCTalkCashHandler(configuration: configuration)
        await #expect(throws: CashError.deviceError("hopper 500원: ccTalk device 3 did not answer header 254")) { try await handler.start() }
        #expect(await handler.status().state == .offline)
    }

    @Test("configuration problems are named by key")
    func configurationProblems() {
        let configuration = CCTalkCashConfiguration(
            coinAcceptor: .init(port: "/dev/ttyS0", address: 1, channels: [17: Money(won: 100)]),
            billValidator: nil,
            hoppers: [.init(port: "/dev/ttyS0", address: 3, coin: Money(won: 100)), .init(port: "/dev/ttyS0", address: 3, coin: Money(won: 100))]
        )
        #expect(configuration.problems() == [
            "coin_acceptor.address 1 is reserved (0 broadcast, 1 host)",
            "coin_acceptor.channels: channel 17 is outside 1…16",
            "hopper[1] has the same port and address (/dev/ttyS0, 3) as hopper[0]",
            "hopper[1].coin 100원 is paid by two hoppers",
        ])
    }
}

@Suite("ccTalk cash handler: a hopper that stops answering")
struct CCTalkCashHandlerSilentHopperTests {
    @Test("a silent hopper pays nothing, the other hopper pays what it can, and it is used again once it answers")
    func silentHopper() async throws {
        let rig = try await PaymentRig.start()
        defer { rig.emulator.stop() }
        rig.emulator.setFault(.deviceSilent, at: PaymentRig.hopper500)
        let result = try await rig.handler.dispense(Money(won: 1000))
        #expect(result == DispenseResult(paid: Money(won: 1000), shortfall: .zero))
        #expect(rig.paidOut(by: PaymentRig.hopper100) == 10)
        #expect(await rig.handler.status().state == .offline)

        rig.emulator.setFault(.deviceSilent, at: PaymentRig.hopper500, active: false)
        await rig.handler.pollOnce()
        #expect(await rig.handler.status().state == .online)
        #expect(try await rig.handler.dispense(Money(won: 500)) == DispenseResult(paid: Money(won: 500), shortfall: .zero))
        #expect(rig.paidOut(by: PaymentRig.hopper500) == 1)
    }
}

@Suite("ccTalk cash handler: the polling service")
struct CCTalkCashHandlerRunTests {
    @Test("run() polls until cancelled and delivers credits as they happen")
    func run() async throws {
        let rig = try await PaymentRig.start()
        defer { rig.emulator.stop() }
        let events = EventCollector(rig.handler.cashEvents())
        try await rig.handler.enableAcceptance(of: [Money(won: 500)])
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await rig.handler.run() }
            rig.insertCoin(channel: 2)
            rig.insertCoin(channel: 2)
            #expect(await events.take(2) == [.coinAccepted(Money(won: 500), eventCounter: 1), .coinAccepted(Money(won: 500), eventCounter: 2)])
            group.cancelAll()
        }
        #expect(await rig.handler.cashBoxCounts() == [Money(won: 500): 2])
        #expect(await rig.handler.collectCashBox() == [Money(won: 500): 2])
        #expect(await rig.handler.cashBoxCounts().isEmpty)
    }
}
