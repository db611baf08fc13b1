import Foundation
import KioskDevices
import KioskTestSupport
import Testing

@Suite struct ControlTests {
    @Test func statusShowsFourSimulatedDevicesOnline() async throws {
        let kiosk = try await RunningKiosk()
        let status = try #require(try await kiosk.ctlJSON(["status"]) as? [String: Any])
        let devices = try #require(status["devices"] as? [[String: Any]])
        #expect(devices.count == 4)
        #expect(devices.allSatisfy { $0["state"] as? String == "online" && $0["driver"] as? String == "simulated" })
        #expect(status["kioskID"] as? String == "TEST-0001")
        #expect(status["acceptingSessions"] as? Bool == true)
        let text = try await kiosk.ctl(["status"])
        #expect(text.stdout.contains("accepting sessions"))
        #expect(await kiosk.stop() == 0)
    }

    @Test func everySimulatedFaultChangesTheReportedStatusAndClears() async throws {
        let kiosk = try await RunningKiosk()
        func device(_ kind: DeviceKind) async throws -> [String: Any] {
            let devices = try #require(try await kiosk.ctlJSON(["devices"]) as? [[String: Any]])
            return try #require(devices.first { $0["kind"] as? String == kind.rawValue })
        }
        for fault in SimulatedFault.allCases {
            let baseline = try await device(fault.device)
            let injected = try await kiosk.ctl(["simulate", fault.rawValue])
            #expect(injected.status == 0, "\(fault): \(injected.stderr)")
            let during = try await device(fault.device)
            #expect(!NSDictionary(dictionary: during).isEqual(to: baseline), "\(fault) did not change the status")
            let conditions = (during["details"] as? [String: Any])?["conditions"] as? [String] ?? []
            #expect(conditions.contains("simulated:\(fault.rawValue)"))
            _ = try await kiosk.ctl(["simulate", fault.rawValue, "--clear"])
            let after = try await device(fault.device)
            #expect(NSDictionary(dictionary: after).isEqual(to: baseline), "\(fault) did not clear")
        }
        let unknown = try await kiosk.ctl(["simulate", "meteor-strike"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown fault \"meteor-strike\""))
        #expect(await kiosk.stop() == 0)
    }

    @Test func healthzFollowsRequiredDevicesAndMetricsAreServed() async throws {
        let kiosk = try await RunningKiosk()
        let url = try await kiosk.uiURL()
        #expect(try await httpGet(url + "/healthz").status == 200)
        _ = try await kiosk.ctl(["simulate", "jam"])
        let down = try await httpGet(url + "/healthz")
        #expect(down.status == 503)
        #expect(down.body.contains("paper jam"))
        _ = try await kiosk.ctl(["simulate", "card-offline"])
        _ = try await kiosk.ctl(["simulate", "jam", "--clear"])
        #expect(try await httpGet(url + "/healthz").status == 200, "the card terminal is not required by default")
        let metrics = try await httpGet(url + "/metrics")
        #expect(metrics.body.contains("kiosk_device_up{device=\"cardTerminal\"} 0.0"))
        #expect(metrics.body.contains("kiosk_device_up{device=\"printer\"} 1.0"))
        #expect(metrics.body.contains("kiosk_maintenance 0.0"))
        #expect(await kiosk.stop() == 0)
    }

    @Test func aClosedKioskSaysWhenItOpens() async throws {
        let kiosk = try await RunningKiosk(hours: "off")
        let status = try #require(try await kiosk.ctlJSON(["status"]) as? [String: Any])
        #expect(status["openNow"] as? Bool == false)
        #expect(status["acceptingSessions"] as? Bool == false)
        #expect((status["notAcceptingReason"] as? String)?.hasPrefix("closed") == true)
        #expect(await kiosk.stop() == 0)
    }

    @Test func maintenanceStopsSessionsAndSurvivesARestart() async throws {
        let kiosk = try await RunningKiosk()
        #expect(try await kiosk.ctl(["maintenance", "on"]).status == 0)
        let status = try #require(try await kiosk.ctlJSON(["status"]) as? [String: Any])
        #expect(status["acceptingSessions"] as? Bool == false)
        #expect(status["notAcceptingReason"] as? String == "out of service for maintenance")
        #expect(await kiosk.stop() == 0)
        #expect(FileManager.default.fileExists(atPath: kiosk.folder.path + "/state/maintenance"))
    }

    @Test func kioskctlWithoutKioskdSaysSoAndExitsSixtyNine() async throws {
        let folder = try TemporaryDirectory()
        let result = try await runProcess(BuiltProducts.path("kioskctl"), ["status", "--socket", folder.path + "/none.sock"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("kioskd is not reachable on \(folder.path)/none.sock"))
    }

    @Test func completionScriptIsGenerated() async throws {
        let result = try await runProcess(BuiltProducts.path("kioskctl"), ["--generate-completion-script", "bash"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("maintenance"))
    }
}
