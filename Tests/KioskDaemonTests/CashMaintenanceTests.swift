import Foundation
import KioskTestSupport
import Testing

/// A technician's cash work: emptying the cash box and refilling the change hoppers, each recorded in
/// the ledger before the module's counts change.
@Suite struct CashMaintenanceTests {
    @Test func refillAddsCoinsAndCollectRecordsTheBox() async throws {
        let kiosk = try await RunningKiosk()
        func payout() async throws -> [Int: Int] {
            let status = try #require(try await kiosk.ctlJSON(["cash", "status"]) as? [String: Any])
            let levels = try #require(status["payout"] as? [[String: Int]])
            return Dictionary(uniqueKeysWithValues: levels.map { ($0["denomination"]!, $0["count"]!) })
        }
        let before = try await payout()
        let refill = try await kiosk.ctl(["cash", "refill", "--coin", "100=50", "--coin", "500=10"])
        #expect(refill.status == 0, "\(refill.stderr)")
        let after = try await payout()
        #expect(after[100] == before[100]! + 50 && after[500] == before[500]! + 10)

        let wrongCoin = try await kiosk.ctl(["cash", "refill", "--coin", "300=5"])
        #expect(wrongCoin.status == 1)
        #expect(wrongCoin.stderr.contains("no hopper pays 300원"))
        #expect(try await payout() == after, "a refused refill changes nothing")

        let collect = try await kiosk.ctl(["cash", "collect"])
        #expect(collect.status == 0, "\(collect.stderr)")
        #expect(collect.stdout.contains("cash box collected"))

        let tail = try await runProcess(
            BuiltProducts.path("kioskctl"), ["ledger", "tail", "-n", "5", "--db", kiosk.folder.path + "/state/ledger.sqlite3"])
        #expect(tail.stdout.contains("cash-refilled") && tail.stdout.contains("cash-collected"), "\(tail.stdout)")
        #expect(await kiosk.stop() == 0)
    }
}
