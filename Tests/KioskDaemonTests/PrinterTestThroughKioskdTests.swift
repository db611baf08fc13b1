import Foundation
import KioskTestSupport
import Testing

/// `kioskctl printer test` without `--uri` prints through kioskd's configured (here simulated) printer.
@Suite struct PrinterTestThroughKioskdTests {
    @Test func completesAndSpoolsTheSampleDocument() async throws {
        let kiosk = try await RunningKiosk()
        let answer = try #require(try await kiosk.ctlJSON(["printer", "test"]) as? [String: Any])
        #expect(answer["outcome"] as? String == "completed")
        let tail = try await runProcess(
            BuiltProducts.path("kioskctl"), ["ledger", "tail", "-n", "3", "--db", kiosk.folder.path + "/state/ledger.sqlite3"])
        #expect(tail.stdout.contains("test-print"), "the test print is not in the ledger: \(tail.stdout)\(tail.stderr)")
        let spooled = try FileManager.default.contentsOfDirectory(atPath: kiosk.folder.path + "/state/spool")
        #expect(spooled.contains { $0.hasSuffix(".pdf") && $0.contains("test") })
        #expect(await kiosk.stop() == 0)
    }

    @Test func namesTheReasonWhenItCannotPrint() async throws {
        let kiosk = try await RunningKiosk()
        _ = try await kiosk.ctl(["simulate", "paper-out"])
        let noPaper = try await kiosk.ctl(["printer", "test", "--timeout", "1"])
        #expect(noPaper.status == 1)
        #expect(noPaper.stderr.contains("test print failed: no-paper"), "\(noPaper.stderr)")
        _ = try await kiosk.ctl(["simulate", "all", "--clear"])
        _ = try await kiosk.ctl(["simulate", "printer-offline"])
        let offline = try await kiosk.ctl(["printer", "test"])
        #expect(offline.status == 1)
        #expect(offline.stderr.contains("unreachable"))
        #expect(await kiosk.stop() == 0)
    }
}
