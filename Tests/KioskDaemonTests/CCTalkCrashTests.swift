import Foundation
import KioskCore
import KioskLedger
import KioskTestSupport
import Testing

/// The crash test over ccTalk: a real kioskd on the emulator's bus takes 5,000 won notes for 800 won
/// documents (4,200 won change from both hoppers) and is `kill -9`ed at random instants — while the
/// note is in escrow, while stacking, while either hopper pays. After every restart the hoppers must
/// hold exactly what kioskd says they hold, and the coins that left them must equal the ledger's
/// payouts. In about half the rounds a resident feeds one or two coins while kioskd is down (credited
/// when the kill left the acceptor enabled, refused otherwise): the cash box must still equal the
/// ledger's money in. `CRASH_TEST_KILLS` sets the number of kills (default 10; `make crash-test` runs it too).
@Suite("ccTalk crash test", .serialized)
struct CCTalkCrashTests {
    @Test("kill -9 at random instants: hopper counts and payouts stay equal to the coins that moved")
    func crashLoop() async throws {
        let kills = Int(ProcessInfo.processInfo.environment["CRASH_TEST_KILLS"] ?? "") ?? 10
        let emulator = try CCTalkHopperRestartTests.emulator(coins500: 0, coins100: 0)
        defer { emulator.stop() }
        let kiosk = try CCTalkHopperRestartTests.kiosk(on: emulator)
        var generator = SystemRandomNumberGenerator()
        var payments = 0
        var recoveredPayouts = 0  // as the ledger says after the last restart
        var coinsWhileDown = 0
        for round in 1...kills {
            try await kiosk.start()
            recoveredPayouts = try await check(kiosk, emulator, round: round)
            // Keep enough change for a few payments (ledger first, then the coins go in).
            let physical = CCTalkHopperRestartTests.physical(emulator)
            if physical[500]! < 40 || physical[100]! < 10 {
                emulator.with(EmulatedHopper.self, at: CCTalkHopperRestartTests.hopper500) { $0.coins += 100 }
                emulator.with(EmulatedHopper.self, at: CCTalkHopperRestartTests.hopper100) { $0.coins += 50 }
                let refill = try await kiosk.ctl(["cash", "refill", "--coin", "500=100", "--coin", "100=50"])
                try #require(refill.status == 0, "round \(round): \(refill.stderr)")
            }
            let clock = ContinuousClock()
            let deadline = clock.now + .milliseconds(Int.random(in: 30...1500, using: &generator))
            while clock.now < deadline {
                guard let id = try? await CCTalkHopperRestartTests.insertBill(kiosk, emulator, billType: 2) else { break }
                payments += 1
                for _ in 0..<200 where clock.now < deadline {
                    if (try? await kiosk.api("GET", "/sessions/\(id)").json["finished"] as? Bool) == true { break }
                    try await Task.sleep(for: .milliseconds(5))
                }
            }
            await kiosk.kill9()
            if Bool.random(using: &generator) {
                let channels = (0..<Int.random(in: 1...2, using: &generator)).map { _ in Int.random(in: 1...2, using: &generator) }
                coinsWhileDown += channels.count
                emulator.with(EmulatedCoinAcceptor.self, at: CCTalkHopperRestartTests.coinAcceptor) { acceptor in
                    for channel in channels { acceptor.insert(channel: channel) }
                }
            }
        }
        try await kiosk.start()
        recoveredPayouts = try await check(kiosk, emulator, round: kills + 1)
        #expect(await kiosk.stop() == 0)
        let credited = emulator.with(EmulatedCoinAcceptor.self, at: CCTalkHopperRestartTests.coinAcceptor) { $0.credited.count }
        print("cctalk-crash-test: kills=\(kills) payments=\(payments) payouts-recovered-at-start=\(recoveredPayouts) coins-fed-while-down=\(coinsWhileDown) coins-credited=\(credited)")
    }

    /// After a restart: the counts kioskd shows are the coins in the hoppers, the ledger's payouts are
    /// the coins that left them, and the chain verifies. Returns how many payouts recovery recorded so far.
    func check(_ kiosk: SessionKiosk, _ emulator: CCTalkEmulator, round: Int) async throws -> Int {
        let physical = CCTalkHopperRestartTests.physical(emulator)
        #expect(try await CCTalkHopperRestartTests.payout(kiosk) == [100: physical[100]!, 500: physical[500]!], "round \(round)")
        let ledger = try await Ledger.open(at: kiosk.ledgerPath, configuration: .init(readOnly: true))
        defer { try? ledger.close() }
        #expect(try await ledger.verify().isIntact, "round \(round): hash chain")
        let entries = try await ledger.entries(after: 0, limit: 1_000_000)
        let dispensed = entries.filter { $0.record.kind == .cashDispensed }
        let paidOut = emulator.with(EmulatedHopper.self, at: CCTalkHopperRestartTests.hopper500) { $0.totalPaid } * 500
            + emulator.with(EmulatedHopper.self, at: CCTalkHopperRestartTests.hopper100) { $0.totalPaid } * 100
        #expect(dispensed.reduce(0) { $0 + ($1.record.amount?.won ?? 0) } == paidOut, "round \(round): coins out vs ledger payouts")
        // Money in the box (notes stacked, coins credited, also while kioskd was down) equals the ledger's
        // money in: notes stacked in a session and anything recovered at start as cash-inserted.
        let stackedInBox = emulator.with(EmulatedBillValidator.self, at: CCTalkHopperRestartTests.billValidator) { $0.stacked }.count * 5000
        let coinsInBox = emulator.with(EmulatedCoinAcceptor.self, at: CCTalkHopperRestartTests.coinAcceptor) { $0.credited }
            .reduce(0) { $0 + ($1 == 1 ? 100 : 500) }
        let moneyIn = entries.filter { $0.record.kind == .cashStacked || $0.record.kind == .cashInserted }
        #expect(stackedInBox + coinsInBox == moneyIn.reduce(0) { $0 + ($1.record.amount?.won ?? 0) },
                "round \(round): money in the cash box vs the ledger: \(moneyIn.map { "\($0.record.kind.rawValue) \($0.record.amount?.won ?? 0) \($0.record.detail ?? "")" })")
        let notesInLedger = moneyIn.filter { $0.record.amount?.won == 5000 }.count * 5000
        #expect(stackedInBox == notesInLedger, "round \(round): notes in the cash box vs the ledger")
        #expect(emulator.with(EmulatedBillValidator.self, at: CCTalkHopperRestartTests.billValidator) { $0.escrow } == nil,
                "round \(round): no note stays in escrow")
        return dispensed.filter { ($0.record.detail ?? "").hasPrefix("recovered at start") }.count
    }
}
