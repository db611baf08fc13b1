import Foundation
import KioskCore
import KioskLedger
import KioskTestSupport
import Testing

/// The crash test with real processes: issuances loop through the session API of a real kioskd
/// (simulated devices, real SQLite file) and kioskd is `kill -9`ed at random instants — while paying,
/// between paid and the print job, during printing, mid-refund (printer jams are injected to get
/// refunds). After each restart the ledger must verify, every paid issuance must end issued, refunded
/// or refund-owed exactly once, and the simulated cash box must balance against the ledger.
/// `CRASH_TEST_KILLS` sets the number of kills (`make crash-test`: 100; `make test`: 15).
@Suite("Crash test", .serialized)
struct CrashTests {
    @Test("kill -9 at random instants loses nothing and charges nobody twice")
    func crashLoop() async throws {
        let kills = Int(ProcessInfo.processInfo.environment["CRASH_TEST_KILLS"] ?? "") ?? 15
        let kiosk = try SessionKiosk(printMilliseconds: 150)
        var generator = SystemRandomNumberGenerator()
        var done = 0
        for round in 1...kills {
            try await kiosk.start()
            try await check(kiosk, round: round)
            // Drive issuances until the kill lands at a random instant.
            let killAfter = Duration.milliseconds(Int.random(in: 20...900, using: &generator))
            let jam = Int.random(in: 0..<3, using: &generator) == 0
            let cash = Int.random(in: 0..<2, using: &generator) == 0
            let clock = ContinuousClock()
            let deadline = clock.now + killAfter
            _ = try? await kiosk.ctl(["simulate", "jam", "--clear"])
            while clock.now < deadline {
                guard let (id, _) = try? await kiosk.quoted(cash ? "LD-PRICE" : "LD-LAND") else { break }
                _ = try? await kiosk.api("POST", "/sessions/\(id)/pay", cash ? #"{"method":"cash"}"# : #"{"method":"card"}"#)
                if cash { _ = try? await kiosk.ctl(["cash", "insert", "1000"]) }
                if jam {
                    try? await Task.sleep(for: .milliseconds(Int.random(in: 0...120, using: &generator)))
                    _ = try? await kiosk.ctl(["simulate", "jam"])
                    // The resident answers the reprint question, either way, once the jam is cleared.
                    let reprint = Bool.random(using: &generator)
                    for _ in 0..<20 where clock.now < deadline {
                        let view = (try? await kiosk.api("GET", "/sessions/\(id)").json) ?? [:]
                        if let offered = (view["documents"] as? [[String: Any]])?.first(where: { $0["reprintOffered"] as? Bool == true }),
                            let issuanceID = offered["issuanceID"] as? String
                        {
                            _ = try? await kiosk.ctl(["simulate", "jam", "--clear"])
                            _ = try? await kiosk.api(
                                "POST", "/sessions/\(id)/reprint", #"{"issuanceID":"\#(issuanceID)","decision":"\#(reprint ? "reprint" : "refund")"}"#)
                            break
                        }
                        try? await Task.sleep(for: .milliseconds(10))
                    }
                }
                if clock.now >= deadline { break }
                _ = try? await kiosk.waitFinished(id, limit: 40)
                done += 1
                if jam { _ = try? await kiosk.ctl(["simulate", "jam", "--clear"]) }
            }
            await kiosk.kill9()
        }
        try await kiosk.start()
        let summary = try await check(kiosk, round: kills + 1)
        _ = await kiosk.stop()
        let line = "crash-test: kills=\(kills) issuances=\(summary.issuances) lost=\(summary.lost) "
            + "double-charged=\(summary.doubleCharged) unresolved=\(summary.unresolved) chain=\(summary.chainOK ? "ok" : "broken")"
        print(line)
        print("crash-test coverage: " + summary.recovered.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        #expect(summary.lost == 0 && summary.doubleCharged == 0 && summary.unresolved == 0 && summary.chainOK, "\(line)")
        #expect(summary.cashBalanced, "cash box does not balance against the ledger")
        _ = done
    }

    struct Summary {
        var issuances = 0
        var lost = 0
        var doubleCharged = 0
        var unresolved = 0
        var chainOK = true
        var cashBalanced = true
        /// Decisions recovery at start recorded, by kind and reason (where the kills landed).
        var recovered: [String: Int] = [:]
    }

    /// Checks the ledger after a restart (recovery has run once kioskd is ready).
    @discardableResult
    func check(_ kiosk: SessionKiosk, round: Int) async throws -> Summary {
        var summary = Summary()
        let ledger = try await Ledger.open(at: kiosk.ledgerPath, configuration: .init(readOnly: true))
        defer { try? ledger.close() }
        let verification = try await ledger.verify()
        summary.chainOK = verification.isIntact
        let entries = try await ledger.entries(after: 0, limit: 10_000_000)
        for (index, entry) in entries.enumerated() where entry.sequence != Int64(index + 1) { summary.chainOK = false }
        let byIssuance = Dictionary(grouping: entries.filter { $0.record.issuanceID != nil }, by: { $0.record.issuanceID! })
        for (_, history) in byIssuance {
            let paid = history.filter { $0.record.kind == .paid }.count
            let terminal = history.filter { $0.record.kind.isTerminal }.count
            summary.issuances += 1
            if paid > 1 { summary.doubleCharged += 1 }
            if paid == 1 && terminal == 0 { summary.unresolved += 1 }
            if terminal > 1 { summary.doubleCharged += 1 }
            if history.filter({ $0.record.kind == .issued }).count > 1 { summary.doubleCharged += 1 }
            if paid == 0 { summary.lost += 1 }
        }
        for entry in entries where (entry.record.detail ?? "").contains("recovered at start") {
            let reason = (entry.record.detail ?? "").replacingOccurrences(of: "recovered at start: ", with: "")
                .prefix { $0 != ":" }.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ",", with: "")
            summary.recovered["\(entry.record.kind.rawValue)/\(reason)", default: 0] += 1
        }
        // Per session: cash in = kept + change/returns + owed; a card approval is paid for or cancelled.
        let bySession = Dictionary(grouping: entries.filter { $0.record.sessionID != nil }, by: { $0.record.sessionID! })
        for (_, history) in bySession {
            var cashIn = 0, kept = 0, settled = 0
            var approvals: [String: Int] = [:]
            var paid = false
            for entry in history {
                let amount = entry.record.amount?.won ?? 0
                switch entry.record.kind.rawValue {
                case "cash-inserted", "cash-stacked": cashIn += amount
                case "paid":
                    paid = true
                    if entry.record.paymentMethod == .cash { kept += amount }
                case "cash-dispensed" where !(entry.record.detail ?? "").hasPrefix("refund"): settled += amount
                case "cash-owed" where !(entry.record.detail ?? "").hasPrefix("refund"): settled += amount
                case "card-approved": approvals[entry.record.paymentReference ?? ""] = amount
                case "card-cancelled": approvals[entry.record.paymentReference ?? ""] = nil
                default: break
                }
            }
            if cashIn - kept - settled > 0 { summary.lost += 1 }
            if cashIn - kept - settled < 0 { summary.doubleCharged += 1 }
            if !paid && !approvals.isEmpty { summary.doubleCharged += 1 }
        }
        // Money in = kept + change + refunds: the cash box and the payouts match the ledger.
        let cash = try await kiosk.ctlJSON(["cash", "status"]) as? [String: Any]
        let boxTotal = cash?["cashBoxTotal"] as? Int ?? -1
        let paidOut = cash?["paidOut"] as? Int ?? -1
        let inserted = entries.filter { ["cash-inserted", "cash-stacked"].contains($0.record.kind.rawValue) }.reduce(0) { $0 + ($1.record.amount?.won ?? 0) }
        let dispensed = entries.filter { $0.record.kind.rawValue == "cash-dispensed" }.reduce(0) { $0 + ($1.record.amount?.won ?? 0) }
        summary.cashBalanced = boxTotal == inserted && paidOut == dispensed
        #expect(summary.cashBalanced, "round \(round): cash box \(boxTotal) vs ledger \(inserted); paid out \(paidOut) vs ledger \(dispensed)")
        #expect(try await ledger.openIssuances().isEmpty, "round \(round): open issuances after recovery")
        return summary
    }
}
