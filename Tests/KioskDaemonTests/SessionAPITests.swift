import Foundation
import KioskCore
import KioskLedger
import KioskTestSupport
import Testing

/// Whole issuances through the real kioskd's session API, simulated devices, a real SQLite ledger.
@Suite("Session API", .serialized)
struct SessionAPITests {
    @Test("card: quote, pay, print, issued — ledger first")
    func cardHappyPath() async throws {
        let kiosk = try SessionKiosk()
        try await kiosk.start()
        let (id, quoted) = try await kiosk.quoted("LD-LAND")
        #expect(quoted["phase"] as? String == "quoted")
        #expect(quoted["total"] as? Int == 500)
        let paid = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"card"}"#)
        #expect(paid.status == 202)
        let done = try await kiosk.waitFinished(id)
        #expect(done["phase"] as? String == "finished")
        let document = try #require((done["documents"] as? [[String: Any]])?.first)
        #expect(document["state"] as? String == "issued")
        let number = try #require(document["issuanceNumber"] as? String)
        #expect(IssuanceNumber.isValid(number))
        let status = try await kiosk.ctlJSON(["status"]) as? [String: Any]
        #expect(status?["ledgerHead"] as? Int == 4)
        let metrics = try await httpGet(kiosk.baseURL + "/metrics")
        #expect(metrics.body.contains("kiosk_ledger_head 4"))
        #expect(await kiosk.stop() == 0)
        let kinds = try await kiosk.entries().map(\.record.kind.rawValue)
        #expect(kinds == ["card-approved", "paid", "printing", "issued"])
        let spooled = try FileManager.default.contentsOfDirectory(atPath: kiosk.folder.path + "/state/spool")
        #expect(spooled.contains { $0.contains(number.replacingOccurrences(of: "-", with: "-")) && $0.hasSuffix(".pdf") })
    }

    @Test("cash with change: 1,000 won for an 800 won document gives 200 back")
    func cashWithChange() async throws {
        let kiosk = try SessionKiosk()
        try await kiosk.start()
        let (id, quoted) = try await kiosk.quoted("LD-PRICE")
        #expect(quoted["total"] as? Int == 800)
        let paid = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"cash"}"#)
        #expect(paid.status == 202)
        let insert = try await kiosk.ctl(["cash", "insert", "1000"])
        #expect(insert.status == 0, "\(insert.stderr)")
        let done = try await kiosk.waitFinished(id)
        #expect(done["phase"] as? String == "finished")
        let payment = try #require(done["payment"] as? [String: Any])
        #expect(payment["change"] as? Int == 200)
        let cash = try await kiosk.ctlJSON(["cash", "status"]) as? [String: Any]
        #expect(cash?["cashBoxTotal"] as? Int == 1000)
        #expect(cash?["paidOut"] as? Int == 200)
        #expect(await kiosk.stop() == 0)
        let entries = try await kiosk.entries()
        #expect(entries.map(\.record.kind.rawValue) == ["cash-stacked", "paid", "cash-dispensed", "printing", "issued"])
        #expect(entries.first { $0.record.kind.rawValue == "cash-dispensed" }?.record.amount == Money(won: 200))
    }

    @Test("two copies: one quote for both, one job with two copies, one issuance")
    func twoCopies() async throws {
        let kiosk = try SessionKiosk()
        try await kiosk.start()
        let (id, quoted) = try await kiosk.quoted("LD-LAND", copies: 2)
        #expect(quoted["total"] as? Int == 1000)
        _ = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"card"}"#)
        let done = try await kiosk.waitFinished(id)
        #expect((done["documents"] as? [[String: Any]])?.first?["state"] as? String == "issued")
        #expect(await kiosk.stop() == 0)
        let paid = try #require(try await kiosk.entries().first { $0.record.kind == .paid })
        #expect(paid.record.copies == 2)
        #expect(paid.record.amount == Money(won: 1000))
    }

    @Test("cancel before payment and idle timeout charge nothing and write nothing")
    func cancelAndTimeout() async throws {
        let kiosk = try SessionKiosk(idleSeconds: 1)
        try await kiosk.start()
        let (id, _) = try await kiosk.quoted("LD-LAND")
        let cancelled = try await kiosk.api("POST", "/sessions/\(id)/cancel")
        #expect(cancelled.status == 200)
        #expect(cancelled.json["phase"] as? String == "abandoned")
        let (idle, _) = try await kiosk.quoted("LD-LAND")
        let ended = try await kiosk.waitFinished(idle, limit: 400)
        #expect(ended["phase"] as? String == "abandoned")
        #expect((ended["message"] as? String)?.contains("idle timeout") == true)
        #expect(await kiosk.stop() == 0)
        #expect(try await kiosk.entries().isEmpty)
    }

    /// Pays for LD-LAND by card, jams the printer mid-job and waits for the reprint question.
    func jammed(_ kiosk: SessionKiosk) async throws -> (id: String, issuanceID: String, number: String) {
        let (id, _) = try await kiosk.quoted("LD-LAND")
        _ = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"card"}"#)
        for _ in 0..<200 {
            let view = try await kiosk.api("GET", "/sessions/\(id)").json
            if ((view["documents"] as? [[String: Any]])?.first?["state"] as? String) == "printing" { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        let jam = try await kiosk.ctl(["simulate", "jam"])
        #expect(jam.status == 0, "\(jam.stderr)")
        for _ in 0..<1000 {
            let view = try await kiosk.api("GET", "/sessions/\(id)").json
            if let document = (view["documents"] as? [[String: Any]])?.first, document["reprintOffered"] as? Bool == true {
                #expect(view["phase"] as? String == "fulfilling")
                #expect((document["failureReason"] as? String)?.contains("paper jam") == true)
                return (id, try #require(document["issuanceID"] as? String), try #require(document["issuanceNumber"] as? String))
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("no reprint question after the jam")
        throw CancellationError()
    }

    @Test("printer jam after payment, the resident chooses a refund: the card payment is cancelled")
    func jamRefunds() async throws {
        let kiosk = try SessionKiosk(printMilliseconds: 3000)
        try await kiosk.start()
        let (id, issuanceID, _) = try await jammed(kiosk)
        let bad = try await kiosk.api("POST", "/sessions/\(id)/reprint", #"{"issuanceID":"\#(issuanceID)","decision":"maybe"}"#)
        #expect(bad.status == 400)
        let refund = try await kiosk.api("POST", "/sessions/\(id)/reprint", #"{"issuanceID":"\#(issuanceID)","decision":"refund"}"#)
        #expect(refund.status == 200, "\(refund.json)")
        let done = try await kiosk.waitFinished(id)
        let document = try #require((done["documents"] as? [[String: Any]])?.first)
        #expect(document["state"] as? String == "refunded")
        #expect(await kiosk.stop() == 0)
        let kinds = try await kiosk.entries().map(\.record.kind.rawValue)
        #expect(kinds == ["card-approved", "paid", "printing", "failed", "refund-started", "card-cancelled", "refunded"])
    }

    @Test("printer jam, the resident chooses a reprint once the jam is cleared: same number, issued once")
    func jamReprints() async throws {
        let kiosk = try SessionKiosk(printMilliseconds: 1500)
        try await kiosk.start()
        let (id, issuanceID, number) = try await jammed(kiosk)
        let stillJammed = try await kiosk.api("POST", "/sessions/\(id)/reprint", #"{"issuanceID":"\#(issuanceID)","decision":"reprint"}"#)
        #expect(stillJammed.status == 409)
        #expect((stillJammed.json["error"] as? String)?.contains("cannot print yet") == true, "\(stillJammed.json)")
        _ = try await kiosk.ctl(["simulate", "jam", "--clear"])
        let reprint = try await kiosk.api("POST", "/sessions/\(id)/reprint", #"{"issuanceID":"\#(issuanceID)","decision":"reprint"}"#)
        #expect(reprint.status == 200, "\(reprint.json)")
        let again = try await kiosk.api("POST", "/sessions/\(id)/reprint", #"{"issuanceID":"\#(issuanceID)","decision":"reprint"}"#)
        #expect(again.status == 409, "one decision per jam")
        let done = try await kiosk.waitFinished(id)
        let document = try #require((done["documents"] as? [[String: Any]])?.first)
        #expect(document["state"] as? String == "issued")
        #expect(document["issuanceNumber"] as? String == number)
        #expect(document["reprints"] as? Int == 1)
        #expect(await kiosk.stop() == 0)
        let entries = try await kiosk.entries()
        #expect(entries.map(\.record.kind.rawValue) == ["card-approved", "paid", "printing", "reprint-requested", "printing", "issued"])
        #expect(Set(entries.compactMap(\.record.issuanceNumber?.formatted)) == [number])
        let jobs = entries.filter { $0.record.kind == .printing }.compactMap(\.record.printerJobID)
        #expect(Set(jobs).count == 2, "a new job for the reprint")
    }

    @Test("two documents by card, one jammed and refunded: the card is cancelled by exactly the failed part")
    func partialCardRefund() async throws {
        let kiosk = try SessionKiosk(printMilliseconds: 1500)
        try await kiosk.start()
        let started = try await kiosk.api("POST", "/sessions")
        let id = try #require(started.json["id"] as? String)
        let key = SessionKiosk.sampleParcel
        _ = try await kiosk.api(
            "POST", "/sessions/\(id)/documents", #"{"documents":[{"code":"LD-LAND","key":"\#(key)"},{"code":"LD-PRICE","key":"\#(key)"}]}"#)
        let quoted = try await kiosk.api("POST", "/sessions/\(id)/confirm")
        #expect(quoted.json["total"] as? Int == 1300)
        _ = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"card"}"#)
        for _ in 0..<200 {
            let view = try await kiosk.api("GET", "/sessions/\(id)").json
            if ((view["documents"] as? [[String: Any]])?.first?["state"] as? String) == "printing" { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        _ = try await kiosk.ctl(["simulate", "jam"])
        var offered: [[String: Any]] = []
        for _ in 0..<200 {
            let documents = (try await kiosk.api("GET", "/sessions/\(id)").json["documents"] as? [[String: Any]]) ?? []
            offered = documents.filter { $0["reprintOffered"] as? Bool == true }
            if offered.count == 2 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        try #require(offered.count == 2, "both jobs stopped by the jam ask the resident")
        _ = try await kiosk.ctl(["simulate", "jam", "--clear"])
        let land = try #require(offered.first { $0["code"] as? String == "LD-LAND" }?["issuanceID"] as? String)
        let price = try #require(offered.first { $0["code"] as? String == "LD-PRICE" }?["issuanceID"] as? String)
        _ = try await kiosk.api("POST", "/sessions/\(id)/reprint", #"{"issuanceID":"\#(land)","decision":"refund"}"#)
        _ = try await kiosk.api("POST", "/sessions/\(id)/reprint", #"{"issuanceID":"\#(price)","decision":"reprint"}"#)
        let done = try await kiosk.waitFinished(id)
        let states = Dictionary(uniqueKeysWithValues: ((done["documents"] as? [[String: Any]]) ?? []).map { ($0["code"] as? String ?? "", $0["state"] as? String ?? "") })
        #expect(states == ["LD-LAND": "refunded", "LD-PRICE": "issued"], "\(done)")
        #expect(await kiosk.stop() == 0)
        let cancelled = try await kiosk.entries().filter { $0.record.kind == .cardCancelled }
        #expect(cancelled.map(\.record.amount) == [Money(won: 500)], "exactly the refunded document's fee")
        #expect(cancelled.first?.record.detail == "refund (partial cancellation)")
    }

    @Test("printer jam and nobody answers: after the idle timeout the payment is refunded")
    func jamUnansweredRefunds() async throws {
        let kiosk = try SessionKiosk(printMilliseconds: 3000, idleSeconds: 2)
        try await kiosk.start()
        let (id, _, _) = try await jammed(kiosk)
        let done = try await kiosk.waitFinished(id, limit: 400)
        let document = try #require((done["documents"] as? [[String: Any]])?.first)
        #expect(document["state"] as? String == "refunded", "\(done)")
        #expect((document["failureReason"] as? String)?.contains("no answer to the reprint question") == true)
        _ = await kiosk.stop()
    }

    @Test("bad input gets a 4xx naming the problem")
    func validation() async throws {
        let kiosk = try SessionKiosk()
        try await kiosk.start()
        let started = try await kiosk.api("POST", "/sessions")
        let id = try #require(started.json["id"] as? String)
        let cases: [(String, Int, String)] = [
            (#"{"documents":[{"code":"LD-LAND","key":"1","copies":11}]}"#, 400, "copies: must be 1 to 10"),
            (#"{"documents":[{"code":"NOPE"}]}"#, 400, "unknown document \"NOPE\""),
            (#"{"documents":[{"code":"LD-LAND","key":"1","options":{"color":"red"}}]}"#, 400, "has no such option"),
            (#"{"documents":[{"code":"RR-DEUNGBON"}]}"#, 503, "this kiosk has no identity back-end"),
            (#"{"documents":[{"code":"LD-LAND"}]}"#, 400, "documents[0].key: LD-LAND needs a lookup key"),
            (#"{"documents":[{"code":"LD-LAND","key":"11-x"}]}"#, 400, "key: only digits and hyphens"),
            (#"{"documents":[]}"#, 400, "choose at least one document"),
            (#"not json"#, 400, "not valid JSON"),
        ]
        for (body, status, message) in cases {
            let answer = try await kiosk.api("POST", "/sessions/\(id)/documents", body)
            #expect(answer.status == status, "\(body)")
            #expect((answer.json["error"] as? String)?.contains(message) == true, "\(body): \(answer.json)")
        }
        let badID = try await kiosk.api("GET", "/sessions/nope")
        #expect(badID.status == 400)
        let early = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"card"}"#)
        #expect(early.status == 409)
        let second = try await kiosk.api("POST", "/sessions")
        #expect(second.status == 409)
        _ = await kiosk.stop()
    }

    @Test("kill -9 while printing: recovery at start settles the issuance in the ledger")
    func recoveryAtStart() async throws {
        let kiosk = try SessionKiosk(printMilliseconds: 5000)
        try await kiosk.start()
        let (id, _) = try await kiosk.quoted("LD-LAND")
        _ = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"card"}"#)
        var printing = false
        for _ in 0..<200 where !printing {
            let view = try await kiosk.api("GET", "/sessions/\(id)").json
            printing = ((view["documents"] as? [[String: Any]])?.first?["state"] as? String) == "printing"
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(printing)
        await kiosk.kill9()
        try await kiosk.start()
        let status = try await kiosk.ctlJSON(["status"]) as? [String: Any]
        #expect(status?["acceptingSessions"] as? Bool == true)
        #expect(await kiosk.stop() == 0)
        let kinds = try await kiosk.entries().map(\.record.kind.rawValue)
        #expect(kinds == ["card-approved", "paid", "printing", "failed", "refund-owed"])
    }

    @Test("SIGTERM mid-issuance: the paid issuance is printed, then kioskd exits 0")
    func sigtermSafePoint() async throws {
        let kiosk = try SessionKiosk(printMilliseconds: 1500)
        try await kiosk.start()
        let (id, _) = try await kiosk.quoted("LD-LAND")
        _ = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"card"}"#)
        try await Task.sleep(for: .milliseconds(400))
        #expect(await kiosk.stop() == 0)
        let kinds = try await kiosk.entries().map(\.record.kind.rawValue)
        #expect(kinds == ["card-approved", "paid", "printing", "issued"], "\(kiosk.process?.stderr ?? "")")
    }

    @Test("a broken hash chain keeps the kiosk out of service with a clear reason")
    func brokenChain() async throws {
        let kiosk = try SessionKiosk()
        try FileManager.default.createDirectory(atPath: kiosk.folder.path + "/state", withIntermediateDirectories: true)
        let ledger = try await Ledger.open(at: kiosk.ledgerPath)
        let instant = LedgerInstant(utcMilliseconds: 1_700_000_000_000, uptimeNanoseconds: 1)
        for index in 0..<3 {
            try await ledger.append(LedgerRecord(kind: .paperRefilled, kioskID: "TEST-0001", instant: instant, detail: "TAMPER-ME-\(index)"))
        }
        try ledger.close()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: kiosk.ledgerPath))
        let marker = Data("TAMPER-ME-1".utf8)
        let range = try #require(bytes.range(of: marker))
        bytes[range.lowerBound] = UInt8(ascii: "X")
        try bytes.write(to: URL(fileURLWithPath: kiosk.ledgerPath))
        try await kiosk.start()
        let status = try await kiosk.ctlJSON(["status"]) as? [String: Any]
        #expect(status?["acceptingSessions"] as? Bool == false)
        let reason = try #require(status?["notAcceptingReason"] as? String)
        #expect(reason.contains("ledger") && reason.contains("hardwareError") && reason.contains("2"), "\(reason)")
        let refused = try await kiosk.api("POST", "/sessions")
        #expect(refused.status == 503)
        _ = await kiosk.stop()
    }

    @Test("a ledger file that is not a database keeps the kiosk out of service and is left as it was")
    func unusableFile() async throws {
        let kiosk = try SessionKiosk()
        try FileManager.default.createDirectory(atPath: kiosk.folder.path + "/state", withIntermediateDirectories: true)
        let garbage = Data(repeating: 0x5A, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: kiosk.ledgerPath))
        try await kiosk.start()
        let status = try await kiosk.ctlJSON(["status"]) as? [String: Any]
        #expect(status?["acceptingSessions"] as? Bool == false)
        let reason = try #require(status?["notAcceptingReason"] as? String)
        #expect(reason.hasPrefix("ledger: hardwareError: ledger \(kiosk.ledgerPath)"), "\(reason)")
        #expect(try await kiosk.api("POST", "/sessions").status == 503)
        #expect(await kiosk.stop() == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: kiosk.ledgerPath)) == garbage)
    }
}
