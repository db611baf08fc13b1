import Foundation
import KioskTestSupport
import Testing

/// kioskd (simulated devices) → `kiosk-central serve --postgres` on a real PostgreSQL server the test
/// starts (Tests/Fixtures/central/postgres.sh): issuances made while central is down arrive exactly
/// once and `/v1/verify` finds them.
@Suite("Sync with kiosk-central on PostgreSQL", .serialized)
struct SyncPostgresTests {
    @Test func issuancesArriveOnceInPostgresAndVerify() async throws {
        let script = BuiltProducts.packageRoot + "/Tests/Fixtures/central/postgres.sh"
        let pgFolder = "/tmp/kiosk-pg-sync-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let pgPort = try SyncWithCentralTests.freePort()
        let started = try await runProcess("/bin/sh", [script, "start", pgFolder, "\(pgPort)"], timeout: .seconds(120))
        try #require(started.status == 0, "postgres.sh start failed: \(started.stderr)")
        defer {
            // Synchronous stop: the server must not outlive the test.
            let stop = Process()
            stop.executableURL = URL(fileURLWithPath: "/bin/sh")
            stop.arguments = [script, "stop", pgFolder]
            try? stop.run()
            stop.waitUntilExit()
        }
        let storage = ["--postgres", "postgres://kiosk@127.0.0.1:\(pgPort)/central"]

        let keys = try TemporaryDirectory(prefix: "kiosk-sync-pg")
        let keyPath = keys.file("kiosk.key")
        let created = try await runProcess(BuiltProducts.path("kioskctl"), ["keys", "init", "--key", keyPath])
        try #require(created.status == 0, "\(created.stderr)")
        let publicKey = try #require(
            created.stdout.split(separator: "\n").first { $0.hasPrefix("public key: ") }.map { String($0.dropFirst("public key: ".count)) })
        let add = try await runProcess(
            BuiltProducts.path("kiosk-central"),
            ["kiosks", "add"] + storage + ["--id", "TEST-0001", "--public-key", publicKey, "--name", "test", "--district", "진주시"])
        try #require(add.status == 0, "\(add.stderr)")
        let listed = try await runProcess(BuiltProducts.path("kiosk-central"), ["kiosks", "list"] + storage)
        #expect(listed.stdout.hasPrefix("TEST-0001\ttest\t진주시\tok"), "\(listed.stdout)\(listed.stderr)")

        let port = try SyncWithCentralTests.freePort()
        let kiosk = try SessionKiosk(extra: "[sync]\nurl = \"http://127.0.0.1:\(port)\"\nkey = \"\(keyPath)\"\n")
        try await kiosk.start()
        let numbers = try await SyncTLSTests.issue(3, on: kiosk)

        let central = try ChildProcess(
            BuiltProducts.path("kiosk-central"), ["serve", "--listen", "127.0.0.1:\(port)"] + storage, outputDirectory: keys.path)
        defer { central.terminate() }
        let lag = try await kiosk.waitSynced()
        #expect(lag == 0, "kioskd:\n\(kiosk.process?.stderr ?? "")\ncentral:\n\(central.stderr)")
        try await SyncWithCentralTests.expectIssued(numbers, atCentralPort: port)
        // Exactly once: PostgreSQL holds each ledger entry of the kiosk once, 1…head with no gap.
        let head = try #require(try await kiosk.ctlJSON(["sync", "status"]) as? [String: Any])
        let acked = try #require(head["ackedSequence"] as? Int)
        let rows = try await runProcess(
            "/usr/bin/psql",
            ["-h", "127.0.0.1", "-p", "\(pgPort)", "-U", "kiosk", "-d", "central", "-At", "-c",
             "SELECT count(*), count(DISTINCT sequence), min(sequence), max(sequence) FROM central_entry WHERE kiosk_id = 'TEST-0001'"])
        #expect(rows.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(acked)|\(acked)|1|\(acked)", "\(rows.stdout)\(rows.stderr)")
        #expect(await kiosk.stop() == 0)
    }
}
