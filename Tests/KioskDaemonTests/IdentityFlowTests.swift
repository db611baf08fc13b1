import Foundation
import KioskCore
import KioskLedger
import KioskTestSupport
import Testing

/// The identity step through the real kioskd: RRN on the keypad, the simulated reader's thumb checked by
/// the in-process synthetic registry (`[identity] backend = "synthetic"`), the resident's own document
/// content printed. Nothing of the RRN reaches the ledger or the log.
@Suite("Identity flow", .serialized)
struct IdentityFlowTests {
    struct Resident: Decodable {
        var residentNumber: String
        var name: String
        var fingerSeed: Int?
        var householdMembers: Int
    }

    static let identityTable = """
        [identity]
        backend = "synthetic"
        synthetic_seed = 1
        synthetic_households = 200
        attempts_before_mobile_id = 3
        capture_timeout_seconds = 5
        """

    /// The enrolled resident whose thumb the simulated reader (finger_seed 1) presents, from kioskctl's offline tool.
    static func residentWithThumbOne() async throws -> Resident {
        let listed = try await runProcess(
            BuiltProducts.path("kioskctl"), ["identity", "synthetic-residents", "--seed", "1", "--households", "200", "--json"])
        try #require(listed.status == 0, "\(listed.stderr)")
        let residents = try JSONDecoder().decode([Resident].self, from: Data(listed.stdout.utf8))
        return try #require(residents.first { $0.fingerSeed == 1 })
    }

    func startIdentifying(_ kiosk: SessionKiosk, _ code: String = "RR-DEUNGBON") async throws -> String {
        let started = try await kiosk.api("POST", "/sessions")
        let id = try #require(started.json["id"] as? String)
        let chosen = try await kiosk.api("POST", "/sessions/\(id)/documents", #"{"documents":[{"code":"\#(code)"}]}"#)
        try #require(chosen.status == 200, "\(chosen.json)")
        #expect(chosen.json["phase"] as? String == "identifying")
        #expect((chosen.json["identity"] as? [String: Any])?["stage"] as? String == "rrn")
        return id
    }

    /// Polls until the thumb check in progress ends; returns the view.
    func waitCapture(_ kiosk: SessionKiosk, _ id: String) async throws -> [String: Any] {
        var view: [String: Any] = [:]
        for _ in 0..<600 {
            view = try await kiosk.api("GET", "/sessions/\(id)").json
            let identity = view["identity"] as? [String: Any]
            if view["phase"] as? String != "identifying" || identity?["capture"] as? String == "idle" { return view }
            try await Task.sleep(for: .milliseconds(25))
        }
        return view
    }

    @Test("RRN, right thumb, verified: the printed 등본 is that resident's household; no RRN in ledger or log")
    func verifiedHousehold() async throws {
        let resident = try await Self.residentWithThumbOne()
        let kiosk = try SessionKiosk(documentSource: "backend", extra: Self.identityTable)
        try await kiosk.start()
        let offer = try await kiosk.api("GET", "/documents")
        let deungbon = (offer.json["documents"] as? [[String: Any]])?.first { $0["code"] as? String == "RR-DEUNGBON" }
        #expect(deungbon?["identityAvailable"] as? Bool == true)
        let id = try await startIdentifying(kiosk)

        let bad: [(String, String)] = [
            ("900101", "rrn: "), ("901301-1234567", "rrn: "), ("90010a-1234567", "rrn: "),
        ]
        for (text, message) in bad {
            let answer = try await kiosk.api("POST", "/sessions/\(id)/identity/rrn", #"{"rrn":"\#(text)"}"#)
            #expect(answer.status == 400, "\(text)")
            #expect((answer.json["error"] as? String)?.hasPrefix(message) == true, "\(text): \(answer.json)")
        }
        let early = try await kiosk.api("POST", "/sessions/\(id)/identity/thumb")
        #expect(early.status == 409)

        let entered = try await kiosk.api("POST", "/sessions/\(id)/identity/rrn", #"{"rrn":"\#(resident.residentNumber)"}"#)
        #expect(entered.status == 200, "\(entered.json)")
        let identity = try #require(entered.json["identity"] as? [String: Any])
        #expect(identity["stage"] as? String == "thumb")
        let masked = try #require(identity["rrnMasked"] as? String)
        #expect(masked.hasSuffix("******") && masked.hasPrefix(String(resident.residentNumber.prefix(8))))
        #expect(!String(describing: entered.json).contains(String(resident.residentNumber.suffix(6))))

        let thumb = try await kiosk.api("POST", "/sessions/\(id)/identity/thumb")
        #expect(thumb.status == 202, "\(thumb.json)")
        let verified = try await waitCapture(kiosk, id)
        #expect(verified["phase"] as? String == "options", "\(verified)")
        let after = try #require(verified["identity"] as? [String: Any])
        #expect(after["stage"] as? String == "verified")
        #expect(after["method"] as? String == "fingerprint")

        // mask-rrn is an explicit choice: confirm refuses until it is made, on the options screen.
        let unchosen = try await kiosk.api("POST", "/sessions/\(id)/confirm")
        #expect(unchosen.status == 400)
        #expect((unchosen.json["error"] as? String)?.contains("options.mask-rrn: a choice is required") == true)
        let options = try await kiosk.api(
            "POST", "/sessions/\(id)/documents", #"{"documents":[{"code":"RR-DEUNGBON","options":{"mask-rrn":"mask"}}]}"#)
        #expect(options.json["phase"] as? String == "options", "\(options.json)")
        let quoted = try await kiosk.api("POST", "/sessions/\(id)/confirm")
        #expect(quoted.json["phase"] as? String == "quoted", "\(quoted.json)")
        _ = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"card"}"#)
        let done = try await kiosk.waitFinished(id)
        let document = try #require((done["documents"] as? [[String: Any]])?.first)
        #expect(document["state"] as? String == "issued", "\(done)")
        #expect(done["identity"] is NSNull || done["identity"] == nil)
        let number = try #require(document["issuanceNumber"] as? String)
        #expect(await kiosk.stop() == 0)

        let spool = kiosk.folder.path + "/state/spool"
        let pdf = try #require(try FileManager.default.contentsOfDirectory(atPath: spool).first { $0.contains(number) && $0.hasSuffix(".pdf") })
        let text = try await runProcess("/usr/bin/pdftotext", ["-layout", spool + "/" + pdf, "-"])
        #expect(text.stdout.contains(resident.name), "the household copy names the verified resident")
        #expect(text.stdout.contains("세대"), "a household table")
        #expect(!text.stdout.contains("SAMPLE"))
        #expect(!text.stdout.contains(String(resident.residentNumber.suffix(7))), "masked as chosen")

        let entries = try await kiosk.entries()
        let paid = try #require(entries.first { $0.record.kind == .paid })
        #expect(paid.record.residentReference != nil, "the ledger keeps a keyed reference")
        let digits = resident.residentNumber.replacingOccurrences(of: "-", with: "")
        for path in [kiosk.ledgerPath, kiosk.ledgerPath + "-wal"] where FileManager.default.fileExists(atPath: path) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.range(of: Data(digits.utf8)) == nil, "no RRN in \(path)")
            #expect(bytes.range(of: Data(resident.residentNumber.utf8)) == nil, "no RRN in \(path)")
        }
        let log = kiosk.process?.stderr ?? ""
        #expect(!log.contains(digits) && !log.contains(resident.residentNumber))
        #expect(log.contains("identity attempt: verified"))
    }

    @Test("a wrong finger: not matched with the attempts left; after three, mobile ID is offered instead")
    func wrongFingerThreeTimes() async throws {
        let resident = try await Self.residentWithThumbOne()
        let kiosk = try SessionKiosk(documentSource: "backend", extra: Self.identityTable)
        try await kiosk.start()
        let injected = try await kiosk.ctl(["simulate", "finger-not-recognised"])
        #expect(injected.status == 0, "\(injected.stderr)")
        let id = try await startIdentifying(kiosk)
        _ = try await kiosk.api("POST", "/sessions/\(id)/identity/rrn", #"{"rrn":"\#(resident.residentNumber)"}"#)
        for attempt in 1...3 {
            let thumb = try await kiosk.api("POST", "/sessions/\(id)/identity/thumb")
            #expect(thumb.status == 202, "attempt \(attempt): \(thumb.json)")
            let view = try await waitCapture(kiosk, id)
            #expect(view["phase"] as? String == "identifying")
            let identity = try #require(view["identity"] as? [String: Any])
            #expect(identity["lastResult"] as? String == "not-matched", "\(identity)")
            #expect(identity["failures"] as? Int == attempt)
            #expect(identity["attemptsLeft"] as? Int == 3 - attempt)
            #expect(identity["mobileIDOffered"] as? Bool == (attempt == 3))
        }
        let fourth = try await kiosk.api("POST", "/sessions/\(id)/identity/thumb")
        #expect(fourth.status == 409)
        #expect((fourth.json["error"] as? String)?.contains("use mobile ID") == true)
        // The synthetic back-end has no mobile-ID service: a clear refusal, not a fake QR.
        let mobile = try await kiosk.api("POST", "/sessions/\(id)/identity/mobile-id")
        #expect(mobile.status == 503)
        #expect((mobile.json["error"] as? String)?.contains("needs kiosk-central") == true)
        let cancelled = try await kiosk.api("POST", "/sessions/\(id)/cancel")
        #expect(cancelled.json["phase"] as? String == "abandoned")
        #expect(cancelled.json["identity"] == nil || cancelled.json["identity"] is NSNull)
        _ = await kiosk.stop()
        let entries = try await kiosk.entries()
        #expect(!entries.contains { $0.record.kind == .paid })
    }

    @Test("a document the back-end cannot answer is refused at the quote, before any money is taken")
    func unavailableBeforePayment() async throws {
        let kiosk = try SessionKiosk(documentSource: "backend", extra: Self.identityTable)
        try await kiosk.start()
        let started = try await kiosk.api("POST", "/sessions")
        let id = try #require(started.json["id"] as? String)
        _ = try await kiosk.api("POST", "/sessions/\(id)/documents", #"{"documents":[{"code":"LD-LAND","key":"1111010100199990099"}]}"#)
        let confirm = try await kiosk.api("POST", "/sessions/\(id)/confirm")
        #expect(confirm.status == 409)
        #expect((confirm.json["error"] as? String)?.contains("not found: parcel 1111010100199990099") == true, "\(confirm.json)")
        let pay = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"card"}"#)
        #expect(pay.status == 409)
        _ = await kiosk.stop()
        #expect(try await kiosk.entries().isEmpty, "nothing was charged or recorded")
    }

    @Test("the idle timeout and back both forget the entered RRN (checked through the API)")
    func idleTimeoutWipes() async throws {
        let resident = try await Self.residentWithThumbOne()
        let kiosk = try SessionKiosk(idleSeconds: 2, documentSource: "backend", extra: Self.identityTable)
        try await kiosk.start()
        let id = try await startIdentifying(kiosk)
        let entered = try await kiosk.api("POST", "/sessions/\(id)/identity/rrn", #"{"rrn":"\#(resident.residentNumber)"}"#)
        #expect((entered.json["identity"] as? [String: Any])?["rrnMasked"] is String)
        #expect(entered.json["idleSecondsLeft"] as? Int != nil)
        var view: [String: Any] = [:]
        for _ in 0..<200 {
            view = try await kiosk.api("GET", "/sessions/\(id)").json
            if view["phase"] as? String == "abandoned" { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(view["phase"] as? String == "abandoned")
        #expect(view["identity"] == nil || view["identity"] is NSNull, "\(view)")

        let second = try await startIdentifying(kiosk)
        _ = try await kiosk.api("POST", "/sessions/\(second)/identity/rrn", #"{"rrn":"\#(resident.residentNumber)"}"#)
        let back = try await kiosk.api("POST", "/sessions/\(second)/back")
        #expect(back.json["phase"] as? String == "choosing")
        #expect(back.json["identity"] == nil || back.json["identity"] is NSNull)
        _ = await kiosk.stop()
    }
}
