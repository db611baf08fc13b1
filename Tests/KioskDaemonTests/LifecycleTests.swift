import Foundation
import KioskSystemd
import KioskTestSupport
import Testing

@Suite struct LifecycleTests {
    @Test(arguments: [true, false])
    func notifiesReadyWatchdogAndStoppingThenExitsZeroOnSIGTERM(abstract: Bool) async throws {
        let kiosk = try await RunningKiosk(environment: ["WATCHDOG_USEC": "200000"], abstractNotify: abstract)
        let watchdog = await kiosk.notify.waitFor("WATCHDOG=1", timeout: .seconds(5))
        #expect(watchdog.seen, "no WATCHDOG=1 within 5 s: \(watchdog.messages)")
        kiosk.process.signal(SIGTERM)
        let stopping = await kiosk.notify.waitFor("STOPPING=1", timeout: .seconds(10))
        #expect(stopping.seen)
        let status = await kiosk.process.wait(timeout: .seconds(10))
        #expect(status == 0, "kioskd exited \(String(describing: status)):\n\(kiosk.process.stderr)")
    }

    @Test func statusLineSummarisesTheKiosk() async throws {
        let kiosk = try await RunningKiosk()
        _ = try await kiosk.ctl(["simulate", "paper-out"])
        let status = await kiosk.notify.waitFor("STATUS=TEST-0001: not accepting sessions (required device not ready: printer (out of paper)); fingerprintReader online, printer userError, cash online, cardTerminal online", timeout: .seconds(5))
        #expect(status.seen, "\(status.messages)")
        #expect(await kiosk.stop() == 0)
    }

    @Test func sighupWithABadFileKeepsTheOldConfiguration() async throws {
        let kiosk = try await RunningKiosk()
        let before = try await kiosk.ctlJSON(["status"]) as? [String: Any]
        #expect(before?["name"] as? String == "테스트 키오스크")

        try kiosk.folder.write("kiosk.toml", "[kiosk]\nid = \"TEST-0001\"\nname = 42\n")
        kiosk.process.signal(SIGHUP)
        let rejected = try await kiosk.ctl(["reload"])
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("kiosk.name: expected a string, found integer"))
        let after = try await kiosk.ctlJSON(["status"]) as? [String: Any]
        #expect(after?["name"] as? String == "테스트 키오스크")

        try kiosk.folder.write("kiosk.toml", RunningKiosk.configuration(folder: kiosk.folder.path, name: "새 이름"))
        kiosk.process.signal(SIGHUP)
        var renamed: String?
        for _ in 0..<100 {
            renamed = (try await kiosk.ctlJSON(["status"]) as? [String: Any])?["name"] as? String
            if renamed == "새 이름" { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(renamed == "새 이름")
        #expect(await kiosk.stop() == 0)
        #expect(kiosk.process.stderr.contains("new configuration rejected, the old one stays"))
    }

    @Test func checkConfigExitsSeventyEightListingEveryProblem() async throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("bad.toml", "[kiosk]\nid = 3\nhours = 4\n[catalog]\npath = \"none.toml\"\n[devices.card]\ndriver = \"x\"\n")
        let result = try await runProcess(BuiltProducts.path("kioskd"), ["--check-config", "--config", path])
        #expect(result.status == 78)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        #expect(lines.allSatisfy { $0.hasPrefix(path + ":") })
        let good = try folder.write("good.toml", RunningKiosk.configuration(folder: folder.path))
        let ok = try await runProcess(BuiltProducts.path("kioskd"), ["--check-config", "--config", good])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test func notifierReachesAPathSocket() async throws {
        let folder = try TemporaryDirectory()
        let listener = try NotifyListener(directory: folder.path, abstract: false)
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address]))
        #expect(notifier.send("STATUS=hello"))
        #expect(await listener.waitFor("STATUS=hello", timeout: .seconds(2)).seen)
        #expect(SystemdNotifier(environment: [:]) == nil)
        #expect(SystemdNotifier.watchdogPingInterval(environment: ["WATCHDOG_USEC": "30000000"], pid: 1) == .seconds(15))
        #expect(SystemdNotifier.watchdogPingInterval(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "2"], pid: 1) == nil)
    }
}
