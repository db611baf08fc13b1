import Foundation
import KioskCore
import KioskLedger
import KioskSync
import KioskTestSupport
import Testing

/// The kiosk's outbox over a real ledger pushing through a proxy that cuts connections mid-batch
/// (request bodies broken off, answers lost after central stored the batch) to a real kiosk-central
/// process on SQLite and on PostgreSQL: every entry arrives exactly once.
@Suite(.serialized) struct DroppedConnectionSyncTests {
    static let cases: [(StorageBackend, DroppingProxy.Direction)] = [
        (.sqlite, .request), (.sqlite, .response), (.postgres, .request), (.postgres, .response),
    ]

    @Test(arguments: cases)
    func everyEntryArrivesOnceThroughAProxyThatDropsConnections(backend: StorageBackend, direction: DroppingProxy.Direction) async throws {
        let folder = try TemporaryDirectory(prefix: "sync-proxy")
        let kioskID = "proxy-\(backend)"
        let key = KioskSigningKey()
        let ledger = try await Ledger.open(at: folder.file("ledger.sqlite"))
        defer { try? ledger.close() }
        let numbers = try await SyncEndToEndTests.issue(150, on: ledger, kioskID: kioskID, kioskNumber: 404, startingAt: 1)
        let database = folder.file("central.sqlite")
        var storage = ["--database", database]
        if backend == .postgres {
            let server = try await PostgresServer.shared.get()
            storage = ["--postgres", "postgres://\(server.user)@127.0.0.1:\(server.port)/\(try await server.createDatabase())"]
        }
        try await RunningCentral.register(database: database, id: kioskID, publicKey: key.publicKey.base64, storage: storage)
        let central = try await RunningCentral(database: database, folder: folder.path, storage: storage)
        // Batches of 20+ entries are several kB; answers are a few hundred bytes each.
        let proxy = try DroppingProxy(upstreamPort: central.port, cutAfter: direction == .request ? 6_000 : 400, direction: direction, cuts: 4)
        defer { proxy.stop() }
        let client = SyncClient(baseURL: "http://127.0.0.1:\(proxy.port)", kioskID: kioskID, key: key, timeout: .seconds(10))
        let outbox = SyncOutbox(
            source: LedgerSyncSource(ledger: ledger), client: client, key: key, sizer: SyncBatchSizer(minimum: 5, initial: 20, maximum: 60))

        var failures: [String] = []
        for _ in 0..<30 {
            if await outbox.status.ackedSequence == 450 { break }
            do { try await outbox.pushPending() } catch { failures.append(error.description) }
        }
        #expect(await outbox.status.ackedSequence == 450, "failures: \(failures)\ncentral: \(central.process.stderr)")
        #expect(proxy.cutsMade == 4, "the proxy cut \(proxy.cutsMade) of 4 connections")
        #expect(failures.count >= 1 && failures.allSatisfy { $0.hasPrefix("central unreachable") }, "\(failures)")

        // Exactly once: central's head is the ledger's last entry, the day counts 150 issuances, each verifies.
        let direct = SyncClient(baseURL: central.baseURL, kioskID: kioskID, key: key)
        let head = try await direct.head()
        #expect(head.ackedSequence == 450)
        #expect(head.ackedHash == (try await ledger.lastEntry()?.entryHash))
        let report = try await HTTPProbe.get(central.baseURL + "/v1/reports/daily?date=2025-11-20")
        let totals = report.json?["totals"] as? [String: Any]
        #expect(totals?["issued"] as? Int == 150, "\(report.body)")
        #expect(totals?["revenueWon"] as? Int == 30_000, "\(report.body)")
        for number in numbers.prefix(10) + numbers.suffix(10) {
            #expect(try await HTTPProbe.get(central.baseURL + "/v1/verify/\(number.digits)").status == 200)
        }
        await central.kill()
    }
}
