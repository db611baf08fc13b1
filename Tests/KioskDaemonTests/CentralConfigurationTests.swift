import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// kioskd and kiosk-central as real processes over loopback: central publishes configuration documents
/// (per district, per kiosk); kioskd fetches them with its heartbeat, validates them against its own
/// catalog, applies a good one between sessions (ledger `config-changed` first), refuses a bad one and
/// keeps the last good one, and keeps the applied one across a SIGHUP reload and a restart.
@Suite("Configuration distribution with a real kiosk-central", .serialized)
struct CentralConfigurationTests {
    /// A kiosk, its central (registered, serving) and the helpers both tests need.
    final class Pair: @unchecked Sendable {
        // @unchecked: `central` is replaced only by `startCentral()`, called from the one test task.
        let kiosk: SessionKiosk
        let folder: TemporaryDirectory
        let port: Int
        let database: String
        private(set) var central: ChildProcess?

        init() async throws {
            folder = try TemporaryDirectory(prefix: "kiosk-config")
            let keyPath = folder.file("kiosk.key")
            let created = try await runProcess(BuiltProducts.path("kioskctl"), ["keys", "init", "--key", keyPath])
            try #require(created.status == 0, "\(created.stderr)")
            let publicKey = try #require(
                created.stdout.split(separator: "\n").first { $0.hasPrefix("public key: ") }.map { String($0.dropFirst("public key: ".count)) })
            port = try SyncWithCentralTests.freePort()
            database = folder.file("central.sqlite")
            let add = try await runProcess(
                BuiltProducts.path("kiosk-central"),
                ["kiosks", "add", "--database", database, "--id", "TEST-0001", "--public-key", publicKey, "--name", "test", "--district", "진주시"])
            try #require(add.status == 0, "\(add.stderr)")
            kiosk = try SessionKiosk(extra: "[sync]\nurl = \"http://127.0.0.1:\(port)\"\nkey = \"\(keyPath)\"\n")
            try startCentral()
            try await kiosk.start()
        }

        func startCentral() throws {
            central = try ChildProcess(
                BuiltProducts.path("kiosk-central"), ["serve", "--listen", "127.0.0.1:\(port)", "--database", database],
                outputDirectory: folder.path)
        }

        func stopCentral() async {
            central?.signal(SIGKILL)
            _ = await central?.wait(timeout: .seconds(10))
        }

        /// Publishes `json` at central for the district (`kiosk == false`) or this kiosk.
        func publish(_ json: String, kiosk forKiosk: Bool = false) async throws {
            let file = try folder.write("doc-\(UUID().uuidString).json", json)
            let target = forKiosk ? ["--kiosk", "TEST-0001"] : ["--district", "진주시"]
            let result = try await runProcess(
                BuiltProducts.path("kiosk-central"), ["config", "set", "--database", database] + target + ["--file", file])
            try #require(result.status == 0, "config set: \(result.stderr)")
        }

        /// Asks for sync rounds (`kioskctl sync now`) until `condition` holds or about 30 s passed.
        func syncUntil(_ condition: () async throws -> Bool) async throws -> Bool {
            for _ in 0..<150 {
                if try await condition() { return true }
                _ = try? await kiosk.ctl(["sync", "now"])
                try await Task.sleep(for: .milliseconds(200))
            }
            return try await condition()
        }

        /// LD-LAND's kiosk fee as `GET /api/v1/fees` shows it.
        func landFee() async throws -> Int? {
            let answer = try await httpGet(kiosk.baseURL + "/api/v1/fees")
            let json = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]
            let rows = json?["documents"] as? [[String: Any]] ?? []
            return rows.first { $0["code"] as? String == "LD-LAND" }?["kioskFee"] as? Int
        }

        /// The `detail` of every config-changed entry, in ledger order.
        func configChanges() async throws -> [String] {
            try await kiosk.entries().filter { $0.record.kind == .configChanged }.map { $0.record.detail ?? "" }
        }

        func diagnostics() -> String {
            "kioskd:\n\(kiosk.process?.stderr ?? "")\ncentral:\n\(central?.stderr ?? "")"
        }

        deinit { central?.terminate() }
    }

    @Test func aDistrictDocumentClosesTheKioskAndChangesAFeeAndABadOneIsRefused() async throws {
        let pair = try await Pair()
        #expect(try await pair.landFee() == 500, "the catalog's fee before central says anything")

        try await pair.publish(#"{"hours": "off", "feeOverridesWon": {"LD-LAND": 300}}"#)
        let closed = try await pair.syncUntil {
            let status = try await pair.kiosk.ctlJSON(["status"]) as? [String: Any]
            return status?["acceptingSessions"] as? Bool == false
        }
        #expect(closed, "\(pair.diagnostics())")
        let status = try #require(try await pair.kiosk.ctlJSON(["status"]) as? [String: Any])
        #expect((status["notAcceptingReason"] as? String)?.hasPrefix("closed") == true, "\(status)")
        #expect(status["openNow"] as? Bool == false)
        #expect(try await pair.landFee() == 300)
        let refusedStart = try await pair.kiosk.api("POST", "/sessions")
        #expect(refusedStart.status == 503, "a closed kiosk starts no session: \(refusedStart.json)")
        #expect(try await pair.configChanges() == ["d1-k0"])

        // The kiosk's own document opens it again; the district's fee stays (field by field).
        try await pair.publish(#"{"hours": "24/7"}"#, kiosk: true)
        #expect(try await pair.syncUntil { try await pair.configChanges() == ["d1-k0", "d1-k1"] }, "\(pair.diagnostics())")
        let documents = try await pair.kiosk.api("GET", "/documents")
        #expect(documents.json["acceptingSessions"] as? Bool == true, "\(documents.json)")
        let land = (documents.json["documents"] as? [[String: Any]])?.first { $0["code"] as? String == "LD-LAND" }
        #expect(land?["fee"] as? Int == 300, "GET /api/v1/documents shows central's fee: \(documents.json)")

        // A document central accepts but this kiosk cannot run (a code its catalog lacks) is refused;
        // d1-k1 stays in use and nothing is recorded.
        try await pair.publish(#"{"feeOverridesWon": {"LD-LAND": 100, "NO-SUCH-DOC": 700}}"#, kiosk: true)
        #expect(
            try await pair.syncUntil { pair.kiosk.process?.stderr.contains("central configuration d1-k2 refused") == true }, "\(pair.diagnostics())")
        #expect(pair.kiosk.process?.stderr.contains("NO-SUCH-DOC: unknown document code") == true)
        #expect(try await pair.landFee() == 300)
        #expect(try await pair.configChanges() == ["d1-k0", "d1-k1"])

        // Heartbeats report the version in use and the refusal; central's kiosk list shows both.
        var heartbeat: [String: Any] = [:]
        let reported = try await pair.syncUntil {
            let answer = try await httpGet("http://127.0.0.1:\(pair.port)/v1/kiosks")
            let kiosks = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [[String: Any]]
            heartbeat = kiosks?.first?["heartbeat"] as? [String: Any] ?? [:]
            return (heartbeat["configRefused"] as? String)?.hasPrefix("d1-k2: ") == true
        }
        #expect(reported, "\(heartbeat)")
        #expect(heartbeat["configVersion"] as? String == "d1-k1")

        // The applied document is kept (0600) in the state folder.
        let kept = pair.kiosk.folder.path + "/state/central-config.json"
        let attributes = try FileManager.default.attributesOfItem(atPath: kept)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        // SIGHUP reloads kiosk.toml and keeps the overlay.
        let reloadsBefore = pair.kiosk.process?.stderr.components(separatedBy: "configuration reloaded").count ?? 0
        pair.kiosk.process?.signal(SIGHUP)
        var reloaded = false
        for _ in 0..<100 where !reloaded {
            reloaded = (pair.kiosk.process?.stderr.components(separatedBy: "configuration reloaded").count ?? 0) > reloadsBefore
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(reloaded, "\(pair.diagnostics())")
        #expect(try await pair.landFee() == 300)

        // A restart with central down runs the kept version before the first session.
        await pair.stopCentral()
        #expect(await pair.kiosk.stop() == 0)
        try await pair.kiosk.start()
        #expect(try await pair.landFee() == 300)
        #expect(pair.kiosk.process?.stderr.contains("central configuration d1-k1 restored") == true, "\(pair.diagnostics())")
        let started = try await pair.kiosk.api("POST", "/sessions")
        #expect(started.status == 201, "open again under d1-k1: \(started.json)")
        #expect(try await pair.configChanges() == ["d1-k0", "d1-k1"], "a restart records no change")
        if let id = started.json["id"] as? String { _ = try await pair.kiosk.api("POST", "/sessions/\(id)/cancel") }
        let stopped = await pair.kiosk.stop()
        #expect(stopped == 0, "\(pair.diagnostics())")
    }

    @Test func aSessionWaitingForCashDelaysTheChangeUntilItEnds() async throws {
        let pair = try await Pair()
        let (id, _) = try await pair.kiosk.quoted("LD-LAND")
        let paying = try await pair.kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"cash"}"#)
        #expect(paying.status == 202 && paying.json["phase"] as? String == "paying", "\(paying.json)")

        try await pair.publish(#"{"feeOverridesWon": {"LD-LAND": 300}}"#)
        #expect(
            try await pair.syncUntil { pair.kiosk.process?.stderr.contains("central configuration d1-k0 accepted") == true }, "\(pair.diagnostics())")
        // Several more rounds while the resident is still paying: nothing changes.
        for _ in 0..<5 {
            _ = try await pair.kiosk.ctl(["sync", "now"])
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(try await pair.landFee() == 500, "no change while a resident is paying")
        #expect(try await pair.configChanges().isEmpty)

        let due = try #require((paying.json["payment"] as? [String: Any])?["due"] as? Int)
        #expect(due == 500, "quoted at the catalog's fee")
        let inserted = try await pair.kiosk.ctl(["cash", "insert", String(due)])
        #expect(inserted.status == 0, "\(inserted.stderr)")
        let done = try await pair.kiosk.waitFinished(id)
        #expect(done["phase"] as? String == "finished", "\(done)")
        #expect(try await pair.syncUntil { try await pair.landFee() == 300 }, "\(pair.diagnostics())")

        let entries = try await pair.kiosk.entries()
        let change = try #require(entries.first { $0.record.kind == .configChanged })
        #expect(change.record.detail == "d1-k0")
        let lastOfSession = try #require(entries.last { $0.record.sessionID?.uuidString.lowercased() == id })
        #expect(change.sequence > lastOfSession.sequence, "the change comes after the session's last entry")
        #expect(await pair.kiosk.stop() == 0)
    }

    @Test func aResidentStillChoosingDelaysTheChangeToo() async throws {
        let pair = try await Pair()
        let started = try await pair.kiosk.api("POST", "/sessions")
        let id = try #require(started.json["id"] as? String)
        try await pair.publish(#"{"feeOverridesWon": {"LD-LAND": 300}}"#)
        #expect(
            try await pair.syncUntil { pair.kiosk.process?.stderr.contains("central configuration d1-k0 accepted") == true }, "\(pair.diagnostics())")
        for _ in 0..<5 {
            _ = try await pair.kiosk.ctl(["sync", "now"])
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(try await pair.landFee() == 500, "no change while a resident is choosing")
        #expect(try await pair.configChanges().isEmpty)
        _ = try await pair.kiosk.api("POST", "/sessions/\(id)/cancel")
        #expect(try await pair.syncUntil { try await pair.landFee() == 300 }, "\(pair.diagnostics())")
        #expect(try await pair.configChanges() == ["d1-k0"])
        #expect(await pair.kiosk.stop() == 0)
    }
}
