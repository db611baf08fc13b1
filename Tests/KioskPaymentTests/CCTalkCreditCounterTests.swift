import KioskCore
import KioskDevices
import KioskPayment
import KioskTestSupport
import Testing

/// The handler numbers every credit with its device's event counter, keeps what the buffers held at
/// start for recovery, and gives a ledger entry only counters up to which every credit is recorded.
@Suite("ccTalk cash handler: credit event counters")
struct CCTalkCreditCounterTests {
    static func won(_ value: Int) -> Money { Money(won: value) }

    @Test("coins credited before start stay in the buffer the handler read at start, not in its events")
    func bufferAtStart() async throws {
        let emulator = try PaymentRig.emulator(coins500: 10, coins100: 10)
        defer { emulator.stop() }
        // An acceptor a killed host left enabled: two coins and a refused one while nobody polls.
        emulator.with(EmulatedCoinAcceptor.self, at: PaymentRig.coinAcceptor) { acceptor in
            acceptor.masterEnabled = true
            acceptor.inhibitMask = 0b11
            acceptor.insert(channel: 1)
            acceptor.insert(channel: 7)
            acceptor.insert(channel: 2)
        }
        let handler = try CCTalkCashHandler(configuration: PaymentRig.configuration(path: emulator.path))
        try await handler.start()
        let buffers = await handler.eventBuffersAtStart()
        let coin = try #require(buffers.coin)
        #expect(coin.counter == 3)
        #expect(coin.events.isEmpty, "nothing is published for what happened before start")
        #expect(Array(coin.buffered.prefix(3)) == [.init(a: 2, b: 1), .init(a: 0, b: 1), .init(a: 1, b: 1)])
        #expect(buffers.bill?.counter == 0)
        #expect(await handler.cashBoxCounts().isEmpty)
        #expect(emulator.with(EmulatedCoinAcceptor.self, at: PaymentRig.coinAcceptor) { $0.masterEnabled } == false, "start inhibits the acceptor")
        // Recovery reads these against the ledger's counter: 1 recorded, so events 2 and 3 are new.
        guard case .unrecorded(let events, 0) = CCTalkBufferAudit.compare(recordedCounter: 1, counter: coin.counter, buffered: coin.buffered) else {
            Issue.record("expected unrecorded events")
            return
        }
        #expect(events.map(\.counter) == [2, 3])
        #expect(events.map { CCTalkCoinEvent($0.result) } == [.error(code: 1), .credit(channel: 2, path: 1)])
        #expect(await handler.ledgerEventCounters() == (coin: 3, bill: 0))
    }

    @Test("an entry's counters stop short of a credit until the daemon says it is recorded")
    func pendingCredits() async throws {
        let rig = try await PaymentRig.start()
        defer { rig.emulator.stop() }
        let events = EventCollector(rig.handler.cashEvents())
        try await rig.handler.enableAcceptance(of: [Self.won(100), Self.won(500), Self.won(5000)])
        let initial = await rig.handler.ledgerEventCounters()
        #expect(initial == (coin: 0, bill: 0), "\(initial)")

        rig.insertCoin(channel: 1)
        rig.insertCoin(channel: 2)
        await rig.handler.pollOnce()
        #expect(await events.take(2) == [.coinAccepted(Self.won(100), eventCounter: 1), .coinAccepted(Self.won(500), eventCounter: 2)])
        #expect(await rig.handler.ledgerEventCounters() == (coin: 0, bill: 0), "neither coin is recorded yet")
        #expect(await rig.handler.ledgerEventCounters(recording: .coin(counter: 1)) == (coin: 1, bill: 0), "the entry for coin 1")
        await rig.handler.creditRecorded(.coin(counter: 1))
        #expect(await rig.handler.ledgerEventCounters() == (coin: 1, bill: 0))
        await rig.handler.creditRecorded(.coin(counter: 2))
        #expect(await rig.handler.ledgerEventCounters() == (coin: 2, bill: 0))

        // A note: escrow is event 1, stacking event 2; the stacked note is pending until recorded.
        rig.insertBill(type: 2)
        await rig.handler.pollOnce()
        #expect(await events.take(1) == [.noteInEscrow(Self.won(5000))])
        #expect(try await rig.handler.stackEscrow() == Self.won(5000))
        #expect(await rig.handler.lastStackedNote() == .note(counter: 2))
        #expect(await rig.handler.ledgerEventCounters() == (coin: 2, bill: 1))
        await rig.handler.creditRecorded(.note(counter: 2))
        #expect(await rig.handler.ledgerEventCounters() == (coin: 2, bill: 2))
    }
}
