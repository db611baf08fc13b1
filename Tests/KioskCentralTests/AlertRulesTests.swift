import Foundation
import KioskCentral
import KioskSync
import KioskTestSupport
import Testing

/// Alerts from heartbeats: each threshold as a table, computed without I/O; then `GET /v1/alerts`
/// (JSON, CSV) and the central page on a real kiosk-central fed a signed heartbeat.
@Suite struct AlertRulesTests {
    static let now: Int64 = 1_763_600_400_000

    static func status(
        seenSecondsAgo: Int64? = 30, paper: String? = "ok", toner: String? = "ok", hoppers: [CashLevelReport]? = nil,
        cashBox: String? = nil, devices: [DeviceReport] = [DeviceReport(name: "printer", state: "online")], lag: Int64 = 0,
        tampered: String? = nil
    ) -> KioskStatus {
        let beat = seenSecondsAgo.map { _ in
            KioskHeartbeat(
                kioskID: "k1", sentAtUTCMilliseconds: now, lastSequence: 10, syncLag: lag, devices: devices, paperLevel: paper,
                tonerLevel: toner, cashWon: nil, cashLevels: hoppers, cashBoxLevel: cashBox)
        }
        return KioskStatus(
            id: "k1", name: "종로구청", district: "Jongno-gu", location: "", online: true,
            lastSeenUTCMilliseconds: seenSecondsAgo.map { now - $0 * 1000 }, tamperedReason: tampered, ackedSequence: 10, heartbeat: beat)
    }

    static func kinds(_ status: KioskStatus, _ thresholds: AlertThresholds = AlertThresholds()) -> [String] {
        AlertRules.alerts(for: status, nowUTCMilliseconds: now, thresholds: thresholds).map { "\($0.severity.rawValue) \($0.kind)" }
    }

    @Test func aHealthyKioskHasNoAlerts() {
        #expect(Self.kinds(Self.status(hoppers: [CashLevelReport(denominationWon: 100, count: 200, level: "ok")], cashBox: "ok")) == [])
    }

    @Test(arguments: [
        (AlertRulesTests.status(paper: "low"), ["warning paper-low"]),
        (AlertRulesTests.status(paper: "empty"), ["critical paper-empty"]),
        (AlertRulesTests.status(toner: "low"), ["warning toner-low"]),
        (AlertRulesTests.status(toner: "empty"), ["critical toner-empty"]),
        (AlertRulesTests.status(cashBox: "nearlyFull"), ["warning cash-box-nearly-full"]),
        (AlertRulesTests.status(cashBox: "full"), ["critical cash-box-full"]),
        (AlertRulesTests.status(devices: [DeviceReport(name: "cash", state: "hardwareError", detail: "coin jam")]), ["critical device-fault"]),
        (AlertRulesTests.status(devices: [DeviceReport(name: "printer", state: "userError", detail: "cover-open")]), ["warning device-fault"]),
        (AlertRulesTests.status(devices: [DeviceReport(name: "card", state: "noDevice")]), []),
        (AlertRulesTests.status(lag: 501), ["warning sync-lag"]),
        (AlertRulesTests.status(lag: 500), []),
        (AlertRulesTests.status(seenSecondsAgo: 601), ["critical offline"]),
        (AlertRulesTests.status(seenSecondsAgo: 599), []),
        (AlertRulesTests.status(seenSecondsAgo: nil), ["warning never-seen"]),
        (AlertRulesTests.status(tampered: "chain broken at 7"), ["critical tampered"]),
        (AlertRulesTests.status(paper: "low", cashBox: "full"), ["critical cash-box-full", "warning paper-low"]),
    ])
    func eachThresholdRaisesItsAlert(status: KioskStatus, expected: [String]) {
        #expect(Self.kinds(status) == expected)
    }

    @Test func hoppersWarnPerDenominationBeforeChangeRunsOut() {
        let hoppers = [
            CashLevelReport(denominationWon: 500, count: 0, level: "empty"),
            CashLevelReport(denominationWon: 100, count: 15, level: "ok"),
        ]
        let alerts = AlertRules.alerts(for: Self.status(hoppers: hoppers), nowUTCMilliseconds: Self.now, thresholds: AlertThresholds())
        #expect(alerts.map(\.kind) == ["hopper-empty", "hopper-low"])
        #expect(alerts[0].detail.hasPrefix("500-won hopper holds 0"))
        #expect(alerts[1].detail.hasPrefix("100-won hopper holds 15 (low at ≤ 20)"))
        // The kiosk's own sensor level counts even above the count threshold; 0 turns the count rule off.
        let sensed = [CashLevelReport(denominationWon: 100, count: 150, level: "low")]
        #expect(Self.kinds(Self.status(hoppers: sensed)) == ["warning hopper-low"])
        #expect(Self.kinds(Self.status(hoppers: hoppers), AlertThresholds(hopperLowCount: 0)) == ["critical hopper-empty"])
    }

    @Test func alertsEndpointAndPageShowWhatAHeartbeatReports() async throws {
        let folder = try TemporaryDirectory(prefix: "central-alerts")
        let key = KioskSigningKey()
        let database = folder.file("central.sqlite")
        try await RunningCentral.register(database: database, id: "alert-01", publicKey: key.publicKey.base64, name: "진주시청")
        try await RunningCentral.register(database: database, id: "silent-02", publicKey: KioskSigningKey().publicKey.base64)
        let central = try await RunningCentral(database: database, folder: folder.path)
        let client = SyncClient(baseURL: central.baseURL, kioskID: "alert-01", key: key)
        _ = try await client.heartbeat(
            KioskHeartbeat(
                kioskID: "alert-01", sentAtUTCMilliseconds: Int64(Date().timeIntervalSince1970 * 1000), lastSequence: 0, syncLag: 0,
                devices: [DeviceReport(name: "printer", state: "online")], paperLevel: "low", tonerLevel: "ok",
                cashLevels: [CashLevelReport(denominationWon: 100, count: 3, level: "low")], cashBoxLevel: "nearlyFull"))
        let json = try await HTTPProbe.get(central.baseURL + "/v1/alerts")
        #expect(json.status == 200 && json.contentType.hasPrefix("application/json"))
        let alerts = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [[String: Any]])
        let seen = alerts.map { "\($0["kioskID"] as? String ?? "") \($0["kind"] as? String ?? "")" }
        #expect(Set(seen) == ["alert-01 paper-low", "alert-01 hopper-low", "alert-01 cash-box-nearly-full", "silent-02 never-seen"], "\(seen)")
        let csv = try await HTTPProbe.get(central.baseURL + "/v1/alerts?format=csv")
        #expect(csv.contentType.hasPrefix("text/csv"))
        #expect(csv.body.hasPrefix(CentralAlert.csvHeader) && csv.body.contains("alert-01,진주시청,Jongno-gu,warning,hopper-low,"), "\(csv.body)")
        #expect(try await HTTPProbe.get(central.baseURL + "/v1/alerts?format=xml").status == 400)
        let page = try await HTTPProbe.get(central.baseURL + "/")
        #expect(page.body.contains("<h2>Alerts (4)</h2>") && page.body.contains("100-won hopper holds 3"), "\(page.body.prefix(600))")
        await central.kill()
    }
}
