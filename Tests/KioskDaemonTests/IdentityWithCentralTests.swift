import Foundation
import KioskTestSupport
import Testing

/// The identity step end to end with real processes: kioskd (simulated reader) → kiosk-central with a
/// seeded synthetic registry (`[identity] backend = "central"`, every request signed with the kiosk key),
/// and the `kiosk-wallet` tool playing the resident's phone for the mobile-ID fallback.
@Suite("Identity through kiosk-central", .serialized)
struct IdentityWithCentralTests {
    struct Enrolled: Decodable {
        var residentNumber: String
        var name: String
        var fingerSeed: Int?
    }

    /// Central (seeded registry, a trusted test issuer, 3 failures lock an RRN) and a kioskd using it.
    final class Setup: @unchecked Sendable {
        // @unchecked: set up once in `make()`, then only read.
        let folder: TemporaryDirectory
        let central: ChildProcess
        let kiosk: SessionKiosk
        let port: Int
        let residents: [Enrolled]
        let wallet: String

        init(folder: TemporaryDirectory, central: ChildProcess, kiosk: SessionKiosk, port: Int, residents: [Enrolled], wallet: String) {
            self.folder = folder
            self.central = central
            self.kiosk = kiosk
            self.port = port
            self.residents = residents
            self.wallet = wallet
        }

        static func make() async throws -> Setup {
            let folder = try TemporaryDirectory(prefix: "kiosk-identity")
            func run(_ tool: String, _ arguments: [String]) async throws -> String {
                let result = try await runProcess(BuiltProducts.path(tool), arguments)
                try #require(result.status == 0, "\(tool) \(arguments): \(result.stderr)")
                return result.stdout
            }
            let keyPath = folder.file("kiosk.key")
            let created = try await run("kioskctl", ["keys", "init", "--key", keyPath])
            let publicKey = try #require(created.split(separator: "\n").first { $0.hasPrefix("public key: ") }?.dropFirst(12))
            let database = folder.file("central.sqlite")
            _ = try await run("kiosk-central", ["kiosks", "add", "--database", database, "--id", "TEST-0001", "--public-key", String(publicKey),
                                                 "--name", "test", "--district", "진주시"])
            _ = try await run("kiosk-central", ["registry", "seed", "--database", database, "--residents", "150", "--seed", "1"])
            let listed = try await run("kiosk-central", ["registry", "enrolled", "--database", database, "--json"])
            let residents = try JSONDecoder().decode([Enrolled].self, from: Data(listed.utf8))
            let issuerKey = folder.file("issuer.key")
            let issuerPublic = try await run("kiosk-wallet", ["issuer-key", "--out", issuerKey])
                .split(separator: "\n").last { !$0.isEmpty }.map { String($0.split(separator: " ").last ?? "") } ?? ""
            let wallet = folder.file("wallet.json")
            _ = try await run("kiosk-wallet", ["issue", "--issuer-key", issuerKey, "--rrn", residents[1].residentNumber,
                                               "--name", residents[1].name, "--out", wallet])
            let port = try SyncWithCentralTests.freePort()
            let central = try ChildProcess(
                BuiltProducts.path("kiosk-central"),
                ["serve", "--listen", "127.0.0.1:\(port)", "--database", database, "--max-failures", "3",
                 "--trusted-issuer", "https://mobile-id.test=\(issuerPublic)"],
                outputDirectory: folder.path)
            var up = false
            for _ in 0..<200 where !up {
                up = (try? await httpGet("http://127.0.0.1:\(port)/healthz"))?.status == 200
                if !up { try await Task.sleep(for: .milliseconds(50)) }
            }
            try #require(up, "kiosk-central did not start: \(central.stderr)")
            let kiosk = try SessionKiosk(
                documentSource: "backend",
                extra: "[identity]\nbackend = \"central\"\nagency_poll_seconds = 1\n[sync]\nurl = \"http://127.0.0.1:\(port)\"\nkey = \"\(keyPath)\"\n")
            try await kiosk.start()
            return Setup(folder: folder, central: central, kiosk: kiosk, port: port, residents: residents, wallet: wallet)
        }
    }

    func choose(_ kiosk: SessionKiosk, _ code: String) async throws -> String {
        let started = try await kiosk.api("POST", "/sessions")
        let id = try #require(started.json["id"] as? String, "\(started.json)")
        let chosen = try await kiosk.api("POST", "/sessions/\(id)/documents", #"{"documents":[{"code":"\#(code)"}]}"#)
        #expect(chosen.json["phase"] as? String == "identifying", "\(chosen.json)")
        return id
    }

    func thumb(_ kiosk: SessionKiosk, _ id: String) async throws -> [String: Any] {
        let started = try await kiosk.api("POST", "/sessions/\(id)/identity/thumb")
        #expect(started.status == 202, "\(started.json)")
        var view: [String: Any] = [:]
        for _ in 0..<600 {
            view = try await kiosk.api("GET", "/sessions/\(id)").json
            if view["phase"] as? String != "identifying" || (view["identity"] as? [String: Any])?["capture"] as? String == "idle" { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        return view
    }

    @Test("verified at central → that resident's 등본; the wallet completes mobile ID; a locked-out RRN is refused")
    func endToEnd() async throws {
        let setup = try await Setup.make()
        defer { setup.central.terminate() }
        let kiosk = setup.kiosk
        let resident = try #require(setup.residents.first { $0.fingerSeed == 1 })

        // 1. RRN + the right thumb, matched by central; the document content comes from central.
        let id = try await choose(kiosk, "RR-DEUNGBON")
        _ = try await kiosk.api("POST", "/sessions/\(id)/identity/rrn", #"{"rrn":"\#(resident.residentNumber)"}"#)
        let verified = try await thumb(kiosk, id)
        #expect(verified["phase"] as? String == "options", "\(verified)\n\(kiosk.process?.stderr ?? "")")
        _ = try await kiosk.api("POST", "/sessions/\(id)/documents", #"{"documents":[{"code":"RR-DEUNGBON","options":{"mask-rrn":"mask"}}]}"#)
        _ = try await kiosk.api("POST", "/sessions/\(id)/confirm")
        _ = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"card"}"#)
        let done = try await kiosk.waitFinished(id)
        let document = try #require((done["documents"] as? [[String: Any]])?.first)
        #expect(document["state"] as? String == "issued", "\(done)")
        let number = try #require(document["issuanceNumber"] as? String)
        let spool = kiosk.folder.path + "/state/spool"
        let pdf = try #require(try FileManager.default.contentsOfDirectory(atPath: spool).first { $0.contains(number) })
        let text = try await runProcess("/usr/bin/pdftotext", ["-layout", spool + "/" + pdf, "-"])
        #expect(text.stdout.contains(resident.name), "the 등본 names the resident central verified")

        // 2. Mobile ID: the kiosk shows a QR; the wallet posts a presentation to central; the session moves on.
        let mobile = try await choose(kiosk, "FR-FAMILY")
        let offered = try await kiosk.api("POST", "/sessions/\(mobile)/identity/mobile-id")
        #expect(offered.status == 200, "\(offered.json)")
        let qr = try #require(((offered.json["identity"] as? [String: Any])?["mobileID"] as? [String: Any]))
        let qrText = try #require(qr["qrText"] as? String)
        #expect(qrText.hasPrefix("openid4vp://"))
        #expect((qr["qrSVG"] as? String)?.hasPrefix("<svg") == true)
        let posted = try await runProcess(
            BuiltProducts.path("kiosk-wallet"), ["present", "--request", qrText, "--wallet", setup.wallet, "--post"])
        #expect(posted.status == 0, "\(posted.stdout)\(posted.stderr)")
        var view: [String: Any] = [:]
        for _ in 0..<200 {
            view = try await kiosk.api("GET", "/sessions/\(mobile)").json
            if view["phase"] as? String == "options" { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(view["phase"] as? String == "options", "\(view)")
        #expect((view["identity"] as? [String: Any])?["method"] as? String == "mobileID")
        let replay = try await runProcess(
            BuiltProducts.path("kiosk-wallet"), ["present", "--request", qrText, "--wallet", setup.wallet, "--post"])
        #expect(replay.status != 0, "a used request is not accepted twice")
        _ = try await kiosk.api("POST", "/sessions/\(mobile)/cancel")

        // 3. Three wrong thumbs lock the RRN at central; then even the right thumb is refused.
        let victim = try #require(setup.residents.first { $0.fingerSeed == 2 })
        _ = try await kiosk.ctl(["simulate", "finger-not-recognised"])
        let attack = try await choose(kiosk, "RR-CHOBON")
        _ = try await kiosk.api("POST", "/sessions/\(attack)/identity/rrn", #"{"rrn":"\#(victim.residentNumber)"}"#)
        var results: [String] = []
        for _ in 1...3 {
            let answer = try await thumb(kiosk, attack)
            results.append((answer["identity"] as? [String: Any])?["lastResult"] as? String ?? "?")
        }
        #expect(results == ["not-matched", "not-matched", "locked-out"], "\(results)")
        _ = try await kiosk.api("POST", "/sessions/\(attack)/cancel")
        _ = try await kiosk.ctl(["simulate", "finger-not-recognised", "--clear"])
        let retry = try await choose(kiosk, "RR-CHOBON")
        _ = try await kiosk.api("POST", "/sessions/\(retry)/identity/rrn", #"{"rrn":"\#(victim.residentNumber)"}"#)
        let locked = try await thumb(kiosk, retry)
        let identity = try #require(locked["identity"] as? [String: Any])
        #expect(identity["lastResult"] as? String == "locked-out")
        #expect(identity["mobileIDOffered"] as? Bool == true)
        #expect(identity["lockedUntil"] is String)
        _ = try await kiosk.api("POST", "/sessions/\(retry)/cancel")

        // 4. The menu follows central's agency report: a document nobody serves is not offered, and an
        //    agency switched off takes its documents out of the menu with the reason, until it is back.
        func offer() async throws -> (offered: Set<String>, unavailable: [String: String]) {
            let answer = try await kiosk.api("GET", "/documents")
            let offered = Set(((answer.json["documents"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String })
            let unavailable = ((answer.json["unavailable"] as? [[String: Any]]) ?? []).reduce(into: [String: String]()) {
                $0[$1["code"] as? String ?? ""] = $1["reason"] as? String ?? ""
            }
            return (offered, unavailable)
        }
        let before = try await offer()
        #expect(before.offered.contains("FR-FAMILY") && before.offered.contains("RR-DEUNGBON"))
        #expect(before.unavailable["FR-BASIC"]?.contains("does not serve FR-BASIC") == true, "\(before.unavailable)")
        let database = setup.folder.file("central.sqlite")
        let down = try await runProcess(
            BuiltProducts.path("kiosk-central"), ["agencies", "down", "SCOURT", "--database", database, "--reason", "정기 점검"])
        #expect(down.status == 0, "\(down.stderr)")
        var during = before
        for _ in 0..<100 {
            during = try await offer()
            if during.unavailable["FR-FAMILY"] != nil { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(!during.offered.contains("FR-FAMILY"))
        #expect(during.unavailable["FR-FAMILY"]?.contains("SCOURT back-end is down: 정기 점검") == true, "\(during.unavailable)")
        let refused = try await kiosk.api("POST", "/sessions")
        let refusedID = try #require(refused.json["id"] as? String)
        let chosen = try await kiosk.api("POST", "/sessions/\(refusedID)/documents", #"{"documents":[{"code":"FR-FAMILY"}]}"#)
        #expect(chosen.status == 503)
        #expect((chosen.json["error"] as? String)?.contains("SCOURT back-end is down") == true, "\(chosen.json)")
        _ = try await kiosk.api("POST", "/sessions/\(refusedID)/cancel")
        _ = try await runProcess(BuiltProducts.path("kiosk-central"), ["agencies", "up", "SCOURT", "--database", database])
        var after = during
        for _ in 0..<100 {
            after = try await offer()
            if after.offered.contains("FR-FAMILY") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(after.offered.contains("FR-FAMILY"))
        #expect(kiosk.process?.stderr.contains("document FR-FAMILY leaves the menu: the SCOURT back-end is down") == true)
        #expect(await kiosk.stop() == 0)
    }
}
