import Foundation
import KioskCore
import KioskSync
import KioskTestSupport
import Testing

/// A real kiosk-central process: registry command, ingest over HTTP, garbage bodies, verification,
/// reports and the status page.
@Suite(.serialized) struct CentralHTTPTests {
    struct Rig {
        let folder: TemporaryDirectory
        let central: RunningCentral
        var chain: ChainFixture
        let client: SyncClient

        init(issuances: Int = 3, bodyLimit: Int? = nil) async throws {
            folder = try TemporaryDirectory(prefix: "central-http")
            chain = ChainFixture(kioskID: "seoul-jongno-01", kioskNumber: 101)
            for index in 0..<issuances { chain.issue(document: index % 2 == 0 ? "RESIDENT-COPY" : "FAMILY-REL", won: 200 * (index + 1), failed: index == 2) }
            let database = folder.file("central.sqlite")
            try await RunningCentral.register(database: database, id: chain.kioskID, publicKey: chain.key.publicKey.base64, name: "종로구청 1층")
            central = try await RunningCentral(database: database, folder: folder.path, bodyLimit: bodyLimit)
            client = SyncClient(baseURL: central.baseURL, kioskID: chain.kioskID, key: chain.key)
        }

        var ledgerURL: String { central.baseURL + "/v1/kiosks/\(chain.kioskID)/ledger" }

        func held() async throws -> Int64 { try await client.head().ackedSequence }

        func signedBody(_ json: String) -> [UInt8] { Array(json.utf8) }
    }

    @Test func registryCommandRefusesABadKeyAndADuplicate() async throws {
        let folder = try TemporaryDirectory(prefix: "central-registry")
        let database = folder.file("c.sqlite")
        let bad = try await runProcess(
            BuiltProducts.path("kiosk-central"),
            ["kiosks", "add", "--database", database, "--id", "k1", "--public-key", "not-a-key", "--name", "n", "--district", "d"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("not base64 of 32 bytes"))
        let key = KioskSigningKey().publicKey.base64
        try await RunningCentral.register(database: database, id: "k1", publicKey: key)
        let duplicate = try await runProcess(
            BuiltProducts.path("kiosk-central"),
            ["kiosks", "add", "--database", database, "--id", "k1", "--public-key", key, "--name", "n", "--district", "d"])
        #expect(duplicate.status != 0)
        #expect(duplicate.stderr.contains("already registered"))
    }

    @Test func pushesAckAndResendOverHTTP() async throws {
        let rig = try await Rig()
        let ack = try await rig.client.push(rig.chain.batch(1...4))
        #expect(ack.ackedSequence == 4 && ack.stored == 4)
        let again = try await rig.client.push(rig.chain.batch(1...4))
        #expect(again == LedgerAck(kioskID: rig.chain.kioskID, ackedSequence: 4, ackedHash: rig.chain.entries[3].entryHash, stored: 0))
        do throws(SyncError) {
            _ = try await rig.client.push(rig.chain.batch(7...9))
            Issue.record("a gap was accepted")
        } catch .refused(let status, let problem) {
            #expect(status == 409)
            #expect(problem.expectedSequence == 5)
        }
        #expect(try await rig.held() == 4)
    }

    @Test func anotherKiosksKeyAndUnknownKioskAreRefused() async throws {
        let rig = try await Rig()
        let intruder = SyncClient(baseURL: rig.central.baseURL, kioskID: rig.chain.kioskID, key: KioskSigningKey())
        do throws(SyncError) {
            _ = try await intruder.push(rig.chain.batch(1...3, signer: KioskSigningKey()))
            Issue.record("a forged batch was accepted")
        } catch .refused(let status, let problem) {
            #expect(status == 403)
            #expect(problem.error == "bad-signature")
        }
        let stranger = SyncClient(baseURL: rig.central.baseURL, kioskID: "nobody", key: KioskSigningKey())
        do throws(SyncError) {
            _ = try await stranger.push(rig.chain.batch(1...3))
            Issue.record("an unknown kiosk was accepted")
        } catch .refused(let status, _) {
            #expect(status == 401)
        }
        #expect(try await rig.held() == 0)
    }

    @Test(arguments: [
        ("{not json", "bad-json"),
        ("[]", "bad-json"),
        ("{\"kioskID\": 5, \"previousHash\": \"00\", \"entries\": [], \"signature\": \"\"}", "bad-json"),
        ("{\"kioskID\": \"seoul-jongno-01\", \"previousHash\": \"zz\", \"entries\": [], \"signature\": \"\"}", "bad-json"),
        ("{\"kioskID\": \"seoul-jongno-01\"}", "bad-json"),
        ("", "bad-json"),
    ])
    func garbageBodiesAre400WithAReason(body: String, error: String) async throws {
        let rig = try await Rig()
        let answer = try await HTTPProbe.send("POST", rig.ledgerURL, body: Array(body.utf8))
        #expect(answer.status == 400)
        #expect(answer.json?["error"] as? String == error)
        #expect((answer.json?["reason"] as? String)?.isEmpty == false)
        #expect(try await rig.held() == 0)
    }

    @Test func wrongContentTypeAndHugeBodiesAreRefused() async throws {
        let rig = try await Rig(bodyLimit: 64 * 1024)
        let body = Array(try WireCoding.encoder().encode(rig.chain.batch(1...3)))
        let text = try await HTTPProbe.send("POST", rig.ledgerURL, body: body, contentType: "text/plain")
        #expect(text.status == 415)
        #expect(text.json?["error"] as? String == "unsupported-media-type")
        let none = try await HTTPProbe.send("POST", rig.ledgerURL, body: body, contentType: nil)
        #expect(none.status == 415)
        let huge = try await HTTPProbe.send("POST", rig.ledgerURL, body: [UInt8](repeating: 0x20, count: 256 * 1024))
        #expect(huge.status == 413)
        #expect(huge.json?["error"] as? String == "body-too-large")
        // The server still works and nothing was stored.
        #expect(try await rig.held() == 0)
        #expect(try await rig.client.push(rig.chain.batch(1...3)).ackedSequence == 3)
    }

    @Test func verifyFindsIssuedNumbersAndRejectsMistypedOnes() async throws {
        var rig = try await Rig(issuances: 0)
        let number = rig.chain.issue(document: "FAMILY-REL", won: 1000)
        _ = try await rig.client.push(rig.chain.batch(1...3))
        let found = try await HTTPProbe.get(rig.central.baseURL + "/v1/verify/\(number.formatted)")
        #expect(found.status == 200)
        let answer = try WireCoding.decoder().decode(VerificationAnswer.self, from: Data(found.body.utf8))
        #expect(answer.found && answer.documentCode == "FAMILY-REL" && answer.kioskID == rig.chain.kioskID)
        #expect(answer.kioskName == "종로구청 1층" && answer.status == "issued" && answer.copies == 1)
        #expect(answer.pdfSHA256 == SHA256Hash.of(Array("pdf \(number.digits)".utf8)).hex)
        // Nothing personal: no resident reference, no amount, no payment data.
        #expect(!found.body.contains("resident") && !found.body.contains("amount") && !found.body.contains("payment"))
        // One digit changed: the check digit catches it before any lookup.
        var digits = Array(number.digits)
        digits[7] = digits[7] == "9" ? "0" : Character(String(Int(String(digits[7]))! + 1))
        let mistyped = try await HTTPProbe.get(rig.central.baseURL + "/v1/verify/\(String(digits))")
        #expect(mistyped.status == 400)
        #expect(mistyped.json?["error"] as? String == "invalid-issuance-number")
        #expect((mistyped.json?["reason"] as? String)?.contains("check digit") == true)
        let unknown = try IssuanceNumber(kioskNumber: 101, sequence: 77)
        let missing = try await HTTPProbe.get(rig.central.baseURL + "/v1/verify/\(unknown.digits)")
        #expect(missing.status == 404)
        #expect(missing.json?["found"] as? Bool == false)
    }

    @Test func heartbeatsDailyReportKioskListAndPage() async throws {
        var rig = try await Rig(issuances: 3)
        // Three residents rated their visit (issue 10): 5, 4 and 5.
        for rating in [5, 4, 5] {
            let at = ChainFixture.baseMilliseconds + 3_600_000
            rig.chain.append(LedgerRecord(
                kind: .feedback, kioskID: rig.chain.kioskID, instant: LedgerInstant(utcMilliseconds: at, uptimeNanoseconds: at * 1000),
                sessionID: UUID(), detail: "rating=\(rating)"))
        }
        _ = try await rig.client.push(rig.chain.batch(1...rig.chain.entries.count))
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let beat = KioskHeartbeat(
            kioskID: rig.chain.kioskID, sentAtUTCMilliseconds: now, lastSequence: 20, syncLag: 10,
            devices: [DeviceReport(name: "printer", state: "online"), DeviceReport(name: "cash", state: "hardwareError", detail: "hopper jam")],
            paperLevel: "low", tonerLevel: "ok", cashWon: 52_000)
        let ack = try await rig.client.heartbeat(beat)
        #expect(ack.ackedSequence == Int64(rig.chain.entries.count))
        // A heartbeat with a bad signature is refused.
        let forged = try await HTTPProbe.send(
            "POST", rig.central.baseURL + "/v1/kiosks/\(rig.chain.kioskID)/heartbeat", body: Array(try WireCoding.encoder().encode(beat)),
            headers: [WireCoding.signatureHeader: KioskSigningKey().signature(for: [1, 2, 3])])
        #expect(forged.status == 403)

        let kiosks = try await HTTPProbe.get(rig.central.baseURL + "/v1/kiosks")
        let list = try JSONSerialization.jsonObject(with: Data(kiosks.body.utf8)) as? [[String: Any]]
        #expect(list?.count == 1)
        #expect(list?.first?["online"] as? Bool == true)
        let heartbeat = list?.first?["heartbeat"] as? [String: Any]
        #expect(heartbeat?["syncLag"] as? Int == 10 && heartbeat?["paperLevel"] as? String == "low")
        let csv = try await HTTPProbe.get(rig.central.baseURL + "/v1/kiosks?format=csv")
        #expect(csv.contentType.hasPrefix("text/csv"))
        #expect(csv.body.contains("seoul-jongno-01,종로구청 1층,Jongno-gu,") && csv.body.contains("cash=hardwareError"))

        // The fixture's entries are on 2025-11-20 (KST).
        let report = try await HTTPProbe.get(rig.central.baseURL + "/v1/reports/daily?date=2025-11-20")
        #expect(report.status == 200)
        let totals = report.json?["totals"] as? [String: Any]
        // Issuances 1 and 2 printed (200 + 400 won), issuance 3 failed and was refunded (600 won).
        #expect(totals?["issued"] as? Int == 2)
        #expect(totals?["failed"] as? Int == 1)
        #expect(totals?["refunded"] as? Int == 1)
        #expect(totals?["paidWon"] as? Int == 1200)
        #expect(totals?["revenueWon"] as? Int == 600)
        let feedback = report.json?["feedback"] as? [[String: Any]]
        #expect(feedback?.first?["kioskID"] as? String == "seoul-jongno-01")
        #expect(feedback?.first?["count"] as? Int == 3)
        #expect(feedback?.first?["byRating"] as? [Int] == [0, 0, 0, 1, 2])
        #expect(feedback?.last?["kioskID"] as? String == "*")
        #expect((feedback?.last?["average"] as? Double).map { abs($0 - 4.67) < 0.001 } == true)
        let reportCSV = try await HTTPProbe.get(rig.central.baseURL + "/v1/reports/daily?date=2025-11-20&format=csv")
        #expect(reportCSV.body.split(separator: "\n").first?.hasPrefix("kiosk_id,kiosk_name,document_code,issued") == true)
        #expect(reportCSV.body.contains("seoul-jongno-01,종로구청 1층,FAMILY-REL,1,1,0,0,0,400,0,0,400"))
        let empty = try await HTTPProbe.get(rig.central.baseURL + "/v1/reports/daily?date=2025-11-21")
        #expect((empty.json?["totals"] as? [String: Any])?["issued"] as? Int == 0)
        #expect(try await HTTPProbe.get(rig.central.baseURL + "/v1/reports/daily?date=2026-13-01").status == 400)
        #expect(try await HTTPProbe.get(rig.central.baseURL + "/v1/reports/daily").status == 400)

        let page = try await HTTPProbe.get(rig.central.baseURL + "/")
        #expect(page.contentType.hasPrefix("text/html"))
        #expect(page.body.contains("<svg") && page.body.contains("종로구청 1층") && page.body.contains("online"))
    }
}
