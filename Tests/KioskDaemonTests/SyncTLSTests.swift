import Foundation
import KioskTestSupport
import Testing

/// kioskd → kiosk-central over HTTPS with a throwaway CA (Tests/Fixtures/central/make-test-ca.sh):
/// the kiosk trusts only `sync.ca_file`; another CA is refused with a clear sync error; the
/// configuration names every CA-file and plain-HTTP problem.
@Suite("Sync over HTTPS", .serialized)
struct SyncTLSTests {
    /// A new throwaway CA and a server certificate for 127.0.0.1 in a temporary folder.
    static func makeCA() async throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory(prefix: "sync-ca")
        let result = try await runProcess("/bin/sh", [BuiltProducts.packageRoot + "/Tests/Fixtures/central/make-test-ca.sh", folder.path])
        try #require(result.status == 0, "make-test-ca.sh failed (is openssl installed?): \(result.stderr)")
        return folder
    }

    /// A registered kiosk key and an HTTPS kiosk-central on a free port signed by `ca`.
    static func central(ca: TemporaryDirectory, folder: TemporaryDirectory, seedRegistry: Bool = false) async throws -> (ChildProcess, Int, String) {
        let keyPath = folder.file("kiosk.key")
        let created = try await runProcess(BuiltProducts.path("kioskctl"), ["keys", "init", "--key", keyPath])
        try #require(created.status == 0, "\(created.stderr)")
        let publicKey = try #require(
            created.stdout.split(separator: "\n").first { $0.hasPrefix("public key: ") }.map { String($0.dropFirst("public key: ".count)) })
        let database = folder.file("central.sqlite")
        let add = try await runProcess(
            BuiltProducts.path("kiosk-central"),
            ["kiosks", "add", "--database", database, "--id", "TEST-0001", "--public-key", publicKey, "--name", "test", "--district", "진주시"])
        try #require(add.status == 0, "\(add.stderr)")
        if seedRegistry {
            let seeded = try await runProcess(
                BuiltProducts.path("kiosk-central"), ["registry", "seed", "--database", database, "--residents", "60", "--seed", "1"])
            try #require(seeded.status == 0, "\(seeded.stderr)")
        }
        let port = try SyncWithCentralTests.freePort()
        let central = try ChildProcess(
            BuiltProducts.path("kiosk-central"),
            ["serve", "--listen", "127.0.0.1:\(port)", "--database", database, "--tls-certificate", ca.file("server.pem"),
             "--tls-key", ca.file("server.key")],
            outputDirectory: folder.path)
        for _ in 0..<200 where !central.stderr.contains("listening on https://") {
            if let status = central.poll() { throw ChildProcess.Failure(description: "kiosk-central exited \(status): \(central.stderr)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        return (central, port, keyPath)
    }

    static func issue(_ count: Int, on kiosk: SessionKiosk) async throws -> [String] {
        var numbers: [String] = []
        for _ in 0..<count {
            let (id, _) = try await kiosk.quoted("LD-LAND")
            _ = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"card"}"#)
            let done = try await kiosk.waitFinished(id)
            numbers.append(try #require((done["documents"] as? [[String: Any]])?.first?["issuanceNumber"] as? String))
        }
        return numbers
    }

    @Test func kioskdSyncsOverHTTPSTrustingOnlyItsCA() async throws {
        let ca = try await Self.makeCA()
        let folder = try TemporaryDirectory(prefix: "sync-tls")
        let (central, port, keyPath) = try await Self.central(ca: ca, folder: folder)
        defer { central.terminate() }
        let kiosk = try SessionKiosk(
            extra: "[sync]\nurl = \"https://127.0.0.1:\(port)\"\nkey = \"\(keyPath)\"\nca_file = \"\(ca.file("ca.pem"))\"\n")
        try await kiosk.start()
        let numbers = try await Self.issue(2, on: kiosk)
        let lag = try await kiosk.waitSynced()
        #expect(lag == 0, "kioskd:\n\(kiosk.process?.stderr ?? "")\ncentral:\n\(central.stderr)")
        for number in numbers {
            let answer = try await runProcess(
                "/usr/bin/curl", ["-s", "--cacert", ca.file("ca.pem"), "https://127.0.0.1:\(port)/v1/verify/\(number)"])
            #expect(answer.stdout.contains("\"found\":true") && answer.stdout.contains("\"kioskID\":\"TEST-0001\""), "\(answer.stdout)")
        }
        #expect(await kiosk.stop() == 0)
    }

    @Test func theIdentityBackEndTrustsTheSameCA() async throws {
        let ca = try await Self.makeCA()
        let folder = try TemporaryDirectory(prefix: "identity-tls")
        let (central, port, keyPath) = try await Self.central(ca: ca, folder: folder, seedRegistry: true)
        defer { central.terminate() }
        let listed = try await runProcess(
            BuiltProducts.path("kiosk-central"), ["registry", "enrolled", "--database", folder.file("central.sqlite"), "--json"])
        let residents = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let rrn = try #require(residents.first { $0["fingerSeed"] as? Int == 1 }?["residentNumber"] as? String)
        let kiosk = try SessionKiosk(
            documentSource: "backend",
            extra: "[identity]\nbackend = \"central\"\nagency_poll_seconds = 1\n"
                + "[sync]\nurl = \"https://127.0.0.1:\(port)\"\nkey = \"\(keyPath)\"\nca_file = \"\(ca.file("ca.pem"))\"\n")
        try await kiosk.start()
        // The agency report arrives over HTTPS: a document no agency serves leaves the menu.
        var unavailable: [[String: Any]] = []
        for _ in 0..<100 where unavailable.isEmpty {
            unavailable = (try await kiosk.api("GET", "/documents").json["unavailable"] as? [[String: Any]]) ?? []
            if unavailable.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(unavailable.contains { $0["code"] as? String == "FR-BASIC" }, "\(kiosk.process?.stderr ?? "")")
        // The thumb is verified by central over HTTPS.
        let started = try await kiosk.api("POST", "/sessions")
        let id = try #require(started.json["id"] as? String)
        _ = try await kiosk.api("POST", "/sessions/\(id)/documents", #"{"documents":[{"code":"RR-DEUNGBON"}]}"#)
        _ = try await kiosk.api("POST", "/sessions/\(id)/identity/rrn", #"{"rrn":"\#(rrn)"}"#)
        _ = try await kiosk.api("POST", "/sessions/\(id)/identity/thumb")
        var view: [String: Any] = [:]
        for _ in 0..<300 {
            view = try await kiosk.api("GET", "/sessions/\(id)").json
            if view["phase"] as? String != "identifying" || (view["identity"] as? [String: Any])?["capture"] as? String == "idle" { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(view["phase"] as? String == "options", "\(view)")
        // A mobile-ID QR made by an HTTPS central sends the wallet to https, never to plain http.
        _ = try await kiosk.api("POST", "/sessions/\(id)/cancel")
        let second = try #require(try await kiosk.api("POST", "/sessions").json["id"] as? String)
        _ = try await kiosk.api("POST", "/sessions/\(second)/documents", #"{"documents":[{"code":"RR-DEUNGBON"}]}"#)
        let mobile = try await kiosk.api("POST", "/sessions/\(second)/identity/mobile-id")
        let qr = try #require(((mobile.json["identity"] as? [String: Any])?["mobileID"] as? [String: Any])?["qrText"] as? String, "\(mobile.json)")
        let components = try #require(URLComponents(string: qr))
        let responseURI = try #require(components.queryItems?.first { $0.name == "response_uri" }?.value)
        #expect(responseURI.hasPrefix("https://127.0.0.1:\(port)/"), "\(qr)")
        #expect(await kiosk.stop() == 0)
    }

    @Test func aKioskTrustingAnotherCAIsRefusedWithAClearSyncError() async throws {
        let ca = try await Self.makeCA()
        let otherCA = try await Self.makeCA()
        let folder = try TemporaryDirectory(prefix: "sync-tls-other")
        let (central, port, keyPath) = try await Self.central(ca: ca, folder: folder)
        defer { central.terminate() }
        let kiosk = try SessionKiosk(
            extra: "[sync]\nurl = \"https://127.0.0.1:\(port)\"\nkey = \"\(keyPath)\"\nca_file = \"\(otherCA.file("ca.pem"))\"\ntimeout_seconds = 2\n")
        try await kiosk.start()
        _ = try await Self.issue(1, on: kiosk)
        var lastError = ""
        for _ in 0..<150 {
            _ = try? await kiosk.ctl(["sync", "now"])
            if let status = try? await kiosk.ctlJSON(["sync", "status"]) as? [String: Any], let error = status["lastError"] as? String {
                lastError = error
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(lastError.hasPrefix("central refused as untrusted over TLS: central's certificate is not issued by the CA in sync.ca_file"), "\(lastError)")
        let status = try #require(try await kiosk.ctlJSON(["sync", "status"]) as? [String: Any])
        #expect(status["ackedSequence"] == nil || status["ackedSequence"] is NSNull, "central was never reached")
        let overall = try #require(try await kiosk.ctlJSON(["status"]) as? [String: Any])
        #expect((overall["syncLag"] as? Int ?? 0) >= 4, "the issuance's entries are all still to be sent: \(overall)")
        #expect(await kiosk.stop() == 0)
    }

    @Test(arguments: [
        ("url = \"https://127.0.0.1:9\"\n", "sync.url: https needs sync.ca_file"),
        ("url = \"http://192.0.2.1:8090\"\n", "sync.url: plain http is allowed only to a loopback address"),
        ("url = \"https://127.0.0.1:9\"\nca_file = \"absent.pem\"\n", "sync.ca_file: CA file"),
        ("url = \"https://127.0.0.1:9\"\nca_file = \"text.pem\"\n", "sync.ca_file: CA file"),
    ])
    func checkConfigNamesSyncTransportProblems(sync: String, expected: String) async throws {
        let folder = try TemporaryDirectory(prefix: "sync-config")
        _ = try folder.write("text.pem", "not a certificate\n")
        let path = try folder.write("kiosk.toml", RunningKiosk.configuration(folder: folder.path) + "\n[sync]\nkey = \"kiosk.key\"\n" + sync)
        let result = try await runProcess(BuiltProducts.path("kioskd"), ["--check-config", "--config", path])
        #expect(result.status == 78)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        if sync.contains("absent.pem") { #expect(result.stderr.contains("absent.pem does not exist")) }
        if sync.contains("text.pem") { #expect(result.stderr.contains("is not a PEM certificate file")) }
    }
}
