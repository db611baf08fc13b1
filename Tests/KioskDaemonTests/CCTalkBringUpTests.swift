import Foundation
import KioskPayment
import KioskTestSupport
import Testing

/// kioskd bringing ccTalk devices up at start: a device that answers late (powered with the PC, or a
/// busy machine missing a reply timeout) is retried; one that never answers stops the start, named.
@Suite("ccTalk bring-up at start")
struct CCTalkBringUpTests {
    @Test("a coin acceptor silent through kioskd's first attempt: kioskd tries again, starts, and logs both")
    func aLateDeviceIsRetried() async throws {
        let emulator = try CCTalkHopperRestartTests.emulator(coins500: 10, coins100: 10)
        defer { emulator.stop() }
        emulator.setFault(.deviceSilent, at: CCTalkHopperRestartTests.coinAcceptor)
        let kiosk = try CCTalkHopperRestartTests.kiosk(on: emulator)
        // The acceptor wakes up once kioskd's first attempt has asked it three times (the request and
        // two retries). A thread of its own watches, not a task: it must not wait for the test pool.
        let woken = Thread {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, emulator.requests.filter({ $0.destination == CCTalkHopperRestartTests.coinAcceptor }).count < 3 {
                Thread.sleep(forTimeInterval: 0.02)
            }
            emulator.setFault(.deviceSilent, at: CCTalkHopperRestartTests.coinAcceptor, active: false)
        }
        woken.start()
        try await kiosk.start()
        let log = kiosk.process?.stderr ?? ""
        #expect(log.contains("cash (cctalk): bring-up attempt 1 failed"), "\(log)")
        #expect(log.contains("ccTalk device 2 did not answer"), "\(log)")
        #expect(log.contains("cash (cctalk): devices answered at bring-up attempt"), "\(log)")
        let status = try await kiosk.api("GET", "/documents")
        #expect(status.status == 200)
        _ = await kiosk.stop()
    }

    @Test("a coin acceptor that never answers: after four attempts kioskd does not start and names it")
    func aSilentDeviceStopsTheStart() async throws {
        let emulator = try CCTalkHopperRestartTests.emulator(coins500: 10, coins100: 10)
        defer { emulator.stop() }
        emulator.setFault(.deviceSilent, at: CCTalkHopperRestartTests.coinAcceptor)
        let kiosk = try CCTalkHopperRestartTests.kiosk(on: emulator)
        let process = try ChildProcess(BuiltProducts.path("kioskd"), ["--config", kiosk.configPath], outputDirectory: kiosk.folder.path)
        let status = await process.wait(timeout: .seconds(40))
        if status == nil { process.terminate() }
        #expect(status != nil && status != 0, "kioskd must exit non-zero (got \(String(describing: status)))")
        let log = process.stderr
        #expect(log.contains("bring-up attempt 3 failed"), "\(log)")
        #expect(log.contains("cash (cctalk): cash module error: coin acceptor: ccTalk device 2 did not answer"), "\(log)")
    }
}
