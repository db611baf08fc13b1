import Foundation
import KioskCore
import KioskLedger
import KioskTestSupport
import Testing

/// Coins the acceptor credited while kioskd was dead: a `kill -9` mid-payment leaves the acceptor
/// enabled, a resident keeps feeding it, and the coins sit in its event buffer and in the cash box.
/// At restart kioskd reads the buffer against the ledger's last counter and records exactly those coins.
@Suite("ccTalk credits while kioskd is down", .serialized)
struct CCTalkUnpolledCreditTests {
    typealias Rig = CCTalkHopperRestartTests

    /// Waits until kioskd has enabled coin `channel` on the emulated acceptor.
    static func waitCoinEnabled(_ emulator: CCTalkEmulator, channel: Int) async throws {
        for _ in 0..<400 {
            if emulator.with(EmulatedCoinAcceptor.self, at: Rig.coinAcceptor, { $0.channelEnabled(channel) }) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("kioskd never enabled coin channel \(channel)")
    }

    /// Waits until session `id` shows `won` inserted.
    static func waitInserted(_ kiosk: SessionKiosk, _ id: String, won: Int) async throws {
        var inserted = 0
        for _ in 0..<400 {
            inserted = (try await kiosk.api("GET", "/sessions/\(id)").json["payment"] as? [String: Any])?["inserted"] as? Int ?? 0
            if inserted == won { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(inserted == won, "kioskd never credited \(won) won (has \(inserted))")
    }

    static func found(_ entries: [LedgerEntry]) -> [LedgerEntry] {
        entries.filter { $0.record.kind == .cashInserted && ($0.record.detail ?? "").hasPrefix("found at start") }
    }

    /// kioskd on `emulator`, started, its hoppers refilled to 30 × 500 and 40 × 100 through kioskctl.
    static func refilledKiosk(on emulator: CCTalkEmulator) async throws -> SessionKiosk {
        let kiosk = try Rig.kiosk(on: emulator)
        try await kiosk.start()
        let refill = try await kiosk.ctl(["cash", "refill", "--coin", "100=40", "--coin", "500=30"])
        try #require(refill.status == 0, "\(refill.stderr)")
        return kiosk
    }

    /// Starts paying an 800 won document in cash and waits until the acceptor takes coin `channel`.
    static func startPaying(_ kiosk: SessionKiosk, _ emulator: CCTalkEmulator, channel: Int) async throws -> String {
        let (id, _) = try await kiosk.quoted("LD-PRICE")
        let paying = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"cash"}"#)
        try #require(paying.status == 202, "pay: \(paying.json)")
        try await waitCoinEnabled(emulator, channel: channel)
        return id
    }

    @Test("kill -9 mid-payment, three coins while kioskd is down: the restart records exactly them and the cash box holds them")
    func coinsWhileDown() async throws {
        let emulator = try Rig.emulator(coins500: 30, coins100: 40)
        defer { emulator.stop() }
        let kiosk = try await Self.refilledKiosk(on: emulator)

        // A payment with a note and change, completely recorded.
        #expect(try await Rig.payWithBill(kiosk, emulator, billType: 2) == 4200)

        // A second payment: one 500 won coin is taken and recorded, then kioskd dies with the acceptor enabled.
        let id = try await Self.startPaying(kiosk, emulator, channel: 2)
        emulator.with(EmulatedCoinAcceptor.self, at: Rig.coinAcceptor) { $0.insert(channel: 2) }
        try await Self.waitInserted(kiosk, id, won: 500)
        await kiosk.kill9()
        let before = try await kiosk.entries()
        let recordedCoins = before.filter { $0.record.kind == .cashInserted }
        #expect(recordedCoins.map(\.record.amount) == [Money(won: 500)])
        #expect(recordedCoins.last?.record.paymentReference?.hasSuffix("coin@1 bill@2") == true, "\(recordedCoins.map(\.record.paymentReference))")

        // kioskd is dead; the acceptor is still enabled and takes two 100 won coins and a 500 won coin.
        emulator.with(EmulatedCoinAcceptor.self, at: Rig.coinAcceptor) { acceptor in
            #expect(acceptor.masterEnabled, "a killed kioskd leaves the acceptor enabled")
            acceptor.insert(channel: 1)
            acceptor.insert(channel: 2)
            acceptor.insert(channel: 1)
        }

        try await kiosk.start()
        #expect(emulator.with(EmulatedCoinAcceptor.self, at: Rig.coinAcceptor) { $0.masterEnabled } == false, "start inhibits the acceptor")
        let stderr = kiosk.process?.stderr ?? ""
        #expect(stderr.contains("cash: 700원 credited by the devices before the restart was never recorded"), "\(stderr)")
        let after = try await kiosk.entries()
        let found = Self.found(after)
        #expect(found.map(\.record.amount) == [Money(won: 100), Money(won: 500), Money(won: 100)])
        #expect(found.allSatisfy { $0.record.sessionID == nil && $0.record.paymentMethod == .cash })
        #expect(found.map { $0.record.detail ?? "" } == [
            "found at start: credited before a restart, never recorded (coin 100원, coin acceptor event 2)",
            "found at start: credited before a restart, never recorded (coin 500원, coin acceptor event 3)",
            "found at start: credited before a restart, never recorded (coin 100원, coin acceptor event 4)",
        ])
        #expect(found.allSatisfy { $0.record.paymentReference?.hasSuffix("coin@4 bill@2") == true }, "\(found.map(\.record.paymentReference))")

        // Another kill and restart credits nothing twice.
        await kiosk.kill9()
        try await kiosk.start()
        #expect(Self.found(try await kiosk.entries()).count == 3)
        #expect(kiosk.process?.stderr.contains("never recorded") == false)

        // The cash box: the 5,000 won note, the recorded 500 won coin and the three found coins.
        let collect = try await kiosk.ctl(["cash", "collect"])
        #expect(collect.status == 0 && collect.stdout.contains("cash box collected: 6,200원 (100×2 500×2 5000×1)"), "\(collect.stdout) \(collect.stderr)")
        #expect(await kiosk.stop() == 0)
    }

    @Test("more coins while down than the buffer holds: its five are recorded and an error names the rest")
    func lostEvents() async throws {
        let emulator = try Rig.emulator(coins500: 30, coins100: 40)
        defer { emulator.stop() }
        let kiosk = try await Self.refilledKiosk(on: emulator)
        let id = try await Self.startPaying(kiosk, emulator, channel: 1)
        await kiosk.kill9()
        // Seven 100 won coins: the buffer keeps the newest five.
        emulator.with(EmulatedCoinAcceptor.self, at: Rig.coinAcceptor) { acceptor in
            for _ in 0..<7 { acceptor.insert(channel: 1) }
        }
        try await kiosk.start()
        let stderr = kiosk.process?.stderr ?? ""
        #expect(stderr.contains("coin acceptor: 2 events after the ledger's counter 0 could not be read"), "\(stderr)")
        #expect(Self.found(try await kiosk.entries()).map(\.record.amount) == Array(repeating: Money(won: 100), count: 5))
        #expect(await kiosk.stop() == 0)
    }

    @Test("a note stacked by the validator's escrow timeout while kioskd is down is recorded at restart; a reset acceptor credits nothing")
    func noteWhileDownAndReset() async throws {
        let emulator = try Rig.emulator(coins500: 30, coins100: 40)
        defer { emulator.stop() }
        let kiosk = try await Self.refilledKiosk(on: emulator)
        let id = try await Self.startPaying(kiosk, emulator, channel: 1)
        for _ in 0..<400 {
            if emulator.with(EmulatedBillValidator.self, at: Rig.billValidator, { $0.channelEnabled(1) }) { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        // One 100 won coin is taken and recorded (the ledger's coin counter becomes 1).
        emulator.with(EmulatedCoinAcceptor.self, at: Rig.coinAcceptor) { $0.insert(channel: 1) }
        try await Self.waitInserted(kiosk, id, won: 100)
        await kiosk.kill9()
        // While kioskd is down: a 1,000 won note goes into escrow and the validator stacks it on its own;
        // the coin acceptor is power-cycled after taking a coin (its counter back to 0): that coin cannot be proved.
        emulator.with(EmulatedBillValidator.self, at: Rig.billValidator) { validator in
            validator.insert(type: 1)
            #expect(validator.escrowTimeoutStacks())
        }
        emulator.with(EmulatedCoinAcceptor.self, at: Rig.coinAcceptor) { acceptor in
            acceptor.insert(channel: 1)
            acceptor.ring.reset()
        }
        try await kiosk.start()
        let stderr = kiosk.process?.stderr ?? ""
        #expect(stderr.contains("coin acceptor was reset (event counter 0, the ledger has 1): what it took after the last entry cannot be proved"), "\(stderr)")
        #expect(stderr.contains("cash: 1,000원 credited by the devices before the restart was never recorded"), "\(stderr)")
        let found = Self.found(try await kiosk.entries())
        #expect(found.map(\.record.amount) == [Money(won: 1000)])
        #expect(found.first?.record.detail == "found at start: credited before a restart, never recorded (note 1,000원, bill validator event 2)")
        // The box by the ledger: the recorded coin and the found note (the technician counts the unproved coin).
        let collect = try await kiosk.ctl(["cash", "collect"])
        #expect(collect.status == 0 && collect.stdout.contains("cash box collected: 1,100원 (100×1 1000×1)"), "\(collect.stdout) \(collect.stderr)")
        #expect(await kiosk.stop() == 0)
    }
}
