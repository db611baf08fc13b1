import Foundation
import KioskCore
import KioskLedger
import KioskTestSupport
import Testing

/// A real kioskd driving ccTalk devices on the emulator's pseudo-terminal: the coins in the hoppers
/// are the ledger's, so a `kill -9` in the middle of the day loses none of them.
@Suite("ccTalk hopper counts through kioskd", .serialized)
struct CCTalkHopperRestartTests {
    static let coinAcceptor = KioskCashBus.coinAcceptor
    static let billValidator = KioskCashBus.billValidator
    static let hopper500 = KioskCashBus.hopper500
    static let hopper100 = KioskCashBus.hopper100

    /// kioskd's `[devices.cash]` for the emulator's bus at `port`.
    static func cashSection(port: String) -> String {
        """
        [devices.cash]
        driver = "cctalk"
        reply_timeout_ms = 250
        retries = 2
        poll_interval_ms = 20
        payout_timeout_ms = 5000
        coin_acceptor = { port = "\(port)", address = \(coinAcceptor), channels = { "1" = 100, "2" = 500 } }
        bill_validator = { port = "\(port)", address = \(billValidator), bill_types = { "1" = 1000, "2" = 5000, "3" = 10000 } }
        [[devices.cash.hopper]]
        port = "\(port)"
        address = \(hopper500)
        coin = 500
        low_threshold = 5
        [[devices.cash.hopper]]
        port = "\(port)"
        address = \(hopper100)
        coin = 100
        low_threshold = 5
        """
    }

    /// A session kiosk whose cash module is the emulator's ccTalk bus.
    static func kiosk(on emulator: CCTalkEmulator) throws -> SessionKiosk {
        let kiosk = try SessionKiosk()
        let text = try String(contentsOfFile: kiosk.configPath, encoding: .utf8)
        let simulated = "[devices.cash]\ndriver = \"simulated\""
        try #require(text.contains(simulated))
        try text.replacingOccurrences(of: simulated, with: cashSection(port: emulator.path))
            .write(toFile: kiosk.configPath, atomically: true, encoding: .utf8)
        return kiosk
    }

    /// Coins per hopper as `kioskctl cash status --json` reports them.
    static func payout(_ kiosk: SessionKiosk) async throws -> [Int: Int] {
        let status = try #require(try await kiosk.ctlJSON(["cash", "status"]) as? [String: Any])
        let levels = try #require(status["payout"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: levels.map { ($0["denomination"] as! Int, $0["count"] as! Int) })
    }

    /// Pays an 800 won document with a bill of `billType` through the session API and the emulator;
    /// returns the change the session reports.
    static func payWithBill(_ kiosk: SessionKiosk, _ emulator: CCTalkEmulator, billType: Int) async throws -> Int? {
        let id = try await insertBill(kiosk, emulator, billType: billType)
        let done = try await kiosk.waitFinished(id)
        try #require(done["phase"] as? String == "finished", "session: \(done)")
        return (done["payment"] as? [String: Any])?["change"] as? Int
    }

    /// Starts paying an 800 won document in cash and feeds a bill of `billType`; returns the session id.
    static func insertBill(_ kiosk: SessionKiosk, _ emulator: CCTalkEmulator, billType: Int) async throws -> String {
        let (id, quoted) = try await kiosk.quoted("LD-PRICE")
        try #require(quoted["total"] as? Int == 800)
        let paying = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"cash"}"#)
        try #require(paying.status == 202, "pay: \(paying.json)")
        // The resident feeds the note once the validator takes it (kioskd sets the inhibits first).
        var enabled = false
        for _ in 0..<400 {
            enabled = emulator.with(EmulatedBillValidator.self, at: billValidator) { $0.channelEnabled(billType) }
            if enabled { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(enabled, "kioskd never enabled bill type \(billType)")
        emulator.with(EmulatedBillValidator.self, at: billValidator) { $0.insert(type: billType) }
        return id
    }

    /// The emulated bus: coin acceptor, bill validator, hoppers for 500 and 100 won holding the given coins.
    static func emulator(coins500: Int, coins100: Int) throws -> CCTalkEmulator {
        try KioskCashBus.emulator(coins500: coins500, coins100: coins100)
    }

    static func physical(_ emulator: CCTalkEmulator) -> [Int: Int] {
        [500: emulator.with(EmulatedHopper.self, at: hopper500) { $0.coins },
         100: emulator.with(EmulatedHopper.self, at: hopper100) { $0.coins }]
    }

    @Test("refill, pay with change, kill -9, restart: the hoppers hold exactly what the ledger says and change is still paid")
    func countsSurviveKill() async throws {
        let emulator = try Self.emulator(coins500: 0, coins100: 0)
        defer { emulator.stop() }
        let kiosk = try Self.kiosk(on: emulator)
        try await kiosk.start()

        // A new kiosk: nothing in the ledger, so the hoppers count as empty, with a warning.
        #expect(try await Self.payout(kiosk) == [100: 0, 500: 0])
        #expect(kiosk.process?.stderr.contains("hopper 500원: no ledger entry records its coins") == true, "\(kiosk.process?.stderr ?? "")")

        // The technician fills the hoppers and says so.
        emulator.with(EmulatedHopper.self, at: Self.hopper500) { $0.coins = 30 }
        emulator.with(EmulatedHopper.self, at: Self.hopper100) { $0.coins = 40 }
        let refill = try await kiosk.ctl(["cash", "refill", "--coin", "100=40", "--coin", "500=30"])
        #expect(refill.status == 0, "\(refill.stderr)")
        #expect(try await Self.payout(kiosk) == [100: 40, 500: 30])
        let wrong = try await kiosk.ctl(["cash", "refill", "--coin", "50=10"])
        #expect(wrong.status != 0 && wrong.stderr.contains("no hopper pays 50원"), "\(wrong.stderr)")

        // 800 won paid with a 5,000 won note: 4,200 back as 8 × 500 + 2 × 100.
        #expect(try await Self.payWithBill(kiosk, emulator, billType: 2) == 4200)
        #expect(Self.physical(emulator) == [500: 22, 100: 38])
        #expect(try await Self.payout(kiosk) == [100: 38, 500: 22])

        await kiosk.kill9()
        try await kiosk.start()
        #expect(try await Self.payout(kiosk) == [100: 38, 500: 22], "restored from the ledger")
        #expect(kiosk.process?.stderr.contains("hopper 500원: 22 coins, restored from ledger entry") == true, "\(kiosk.process?.stderr ?? "")")
        #expect(kiosk.process?.stderr.contains("no ledger entry records") == false)

        // A second payment needing change still gets it, from the restored counts.
        #expect(try await Self.payWithBill(kiosk, emulator, billType: 2) == 4200)
        #expect(Self.physical(emulator) == [500: 14, 100: 36])
        #expect(try await Self.payout(kiosk) == [100: 36, 500: 14])
        // The cash box holds both notes, the one from before the kill too: the collection records both.
        let collect = try await kiosk.ctl(["cash", "collect"])
        #expect(collect.status == 0 && collect.stdout.contains("cash box collected: 10,000원 (5000×2)"), "\(collect.stdout) \(collect.stderr)")
        #expect(await kiosk.stop() == 0)

        // The ledger: the refill and every cash movement carry the counts after it; the refused refill wrote nothing.
        let entries = try await kiosk.entries()
        let refills = entries.filter { $0.record.kind == .cashRefilled }
        #expect(refills.map(\.record.paymentReference) == ["hoppers 100=40@0 500=30@0 coin@0 bill@0"])
        #expect(entries.filter { $0.record.kind == .cashCollected }.map(\.record.amount) == [Money(won: 10000)])
        let dispensed = entries.filter { $0.record.kind == .cashDispensed }
        #expect(dispensed.map(\.record.paymentReference) == ["hoppers 100=38@1 500=22@1 coin@0 bill@2", "hoppers 100=36@2 500=14@2 coin@0 bill@4"])
        #expect(dispensed.map(\.record.amount) == [Money(won: 4200), Money(won: 4200)])
        #expect(entries.filter { $0.record.kind == .cashStacked }.map(\.record.amount) == [Money(won: 5000), Money(won: 5000)])
        // Cash in the box equals the ledger's sum; coins out of the hoppers equal the ledger's payouts.
        let stacked = emulator.with(EmulatedBillValidator.self, at: Self.billValidator) { $0.stacked }
        #expect(stacked == [2, 2])
        let paidOut = emulator.with(EmulatedHopper.self, at: Self.hopper500) { $0.totalPaid } * 500
            + emulator.with(EmulatedHopper.self, at: Self.hopper100) { $0.totalPaid } * 100
        #expect(paidOut == dispensed.reduce(0) { $0 + ($1.record.amount?.won ?? 0) })
    }

    @Test("kill -9 while a hopper pays change: at restart the payout finishes, its coins come off the count and into the ledger, the rest is owed")
    func killMidPayout() async throws {
        let emulator = try Self.emulator(coins500: 30, coins100: 40)
        defer { emulator.stop() }
        let kiosk = try Self.kiosk(on: emulator)
        try await kiosk.start()
        let refill = try await kiosk.ctl(["cash", "refill", "--coin", "100=40", "--coin", "500=30"])
        try #require(refill.status == 0, "\(refill.stderr)")

        // The 500 won hopper takes the dispense command but its motor does not move until kioskd is gone.
        emulator.with(EmulatedHopper.self, at: Self.hopper500) { $0.coinsPerStatusPoll = 0 }
        let id = try await Self.insertBill(kiosk, emulator, billType: 2)
        var started = false
        for _ in 0..<500 {
            started = emulator.with(EmulatedHopper.self, at: Self.hopper500) { $0.remaining == 8 }
            if started { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(started, "kioskd never asked the 500 won hopper for 8 coins")
        await kiosk.kill9()
        emulator.with(EmulatedHopper.self, at: Self.hopper500) { $0.coinsPerStatusPoll = 3 }
        #expect(Self.physical(emulator) == [500: 30, 100: 40], "nothing paid yet")
        let before = try await kiosk.entries()
        #expect(!before.contains { $0.record.kind == .cashDispensed }, "the payout is not in the ledger")

        try await kiosk.start()
        // The hopper finished its 8 coins while kioskd started; the 100 won hopper was never asked.
        #expect(Self.physical(emulator) == [500: 22, 100: 40])
        #expect(try await Self.payout(kiosk) == [100: 40, 500: 22])
        #expect(kiosk.process?.stderr.contains("hoppers paid 4,000원 (500×8) the ledger had not recorded") == true, "\(kiosk.process?.stderr ?? "")")
        #expect(await kiosk.stop() == 0)

        let session = try await kiosk.entries().filter { $0.record.sessionID?.uuidString.lowercased() == id.lowercased() }
        let dispensed = session.filter { $0.record.kind == .cashDispensed }
        #expect(dispensed.map(\.record.amount) == [Money(won: 4000)])
        #expect(dispensed.first?.record.paymentReference == "hoppers 100=40@0 500=22@1 coin@0 bill@2")
        #expect(dispensed.first?.record.detail?.hasPrefix("recovered at start") == true)
        // 5,000 in, 800 kept, 4,000 paid out: the 200 the 100 won hopper never paid is owed to the resident.
        let owed = session.filter { $0.record.kind == .cashOwed }.reduce(0) { $0 + ($1.record.amount?.won ?? 0) }
        #expect(owed == 200, "\(session.map { "\($0.record.kind.rawValue) \($0.record.amount?.won ?? 0) \($0.record.detail ?? "")" })")
    }
}
