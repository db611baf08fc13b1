import Foundation
import KioskCore
import KioskLedger
import KioskSync
import KioskTestSupport
import Testing

/// The kiosk's outbox over a real ledger file pushing to a real kiosk-central process: offline first,
/// central restarted mid-sync, acknowledgements lost — every entry arrives exactly once.
@Suite(.serialized) struct SyncEndToEndTests {
    /// Appends `count` issuances (paid → printing → issued) to `ledger`; returns their numbers.
    static func issue(_ count: Int, on ledger: Ledger, kioskID: String, kioskNumber: Int, startingAt first: Int64) async throws -> [IssuanceNumber] {
        var numbers: [IssuanceNumber] = []
        for offset in 0..<Int64(count) {
            let number = try IssuanceNumber(kioskNumber: kioskNumber, sequence: first + offset)
            let issuance = UUID()
            let time = ChainFixture.baseMilliseconds + (first + offset) * 60_000
            let instant = LedgerInstant(utcMilliseconds: time, uptimeNanoseconds: time)
            _ = try await ledger.append([
                LedgerRecord(kind: .paid, kioskID: kioskID, instant: instant, issuanceID: issuance, documentCode: "RESIDENT-COPY", copies: 1,
                             amount: Money(won: 200), paymentMethod: .card),
                LedgerRecord(kind: .printing, kioskID: kioskID, instant: instant, issuanceID: issuance, documentCode: "RESIDENT-COPY", copies: 1,
                             printerJobID: Int(first + offset), issuanceNumber: number, pdfSHA256: SHA256Hash.of(Array(number.digits.utf8))),
                LedgerRecord(kind: .issued, kioskID: kioskID, instant: instant, issuanceID: issuance, documentCode: "RESIDENT-COPY", copies: 1),
            ])
            numbers.append(number)
        }
        return numbers
    }

    static func freePort() async throws -> (Int, TemporaryDirectory) {
        // Start central once to learn a free port, then stop it: the kiosk is configured with that URL.
        let folder = try TemporaryDirectory(prefix: "central-port")
        let probe = try await RunningCentral(database: folder.file("probe.sqlite"), folder: folder.path)
        let port = probe.port
        await probe.kill()
        return (port, folder)
    }

    @Test func offlineKioskCatchesUpExactlyOnceAcrossACentralRestart() async throws {
        let folder = try TemporaryDirectory(prefix: "sync-e2e")
        let kioskID = "seoul-jongno-01"
        let key = try KioskSigningKey.create(at: folder.file("kiosk.key"))
        let ledger = try await Ledger.open(at: folder.file("ledger.sqlite"))
        var numbers = try await Self.issue(40, on: ledger, kioskID: kioskID, kioskNumber: 101, startingAt: 1)
        let database = folder.file("central.sqlite")
        try await RunningCentral.register(database: database, id: kioskID, publicKey: key.publicKey.base64)
        let (port, _) = try await Self.freePort()
        let client = SyncClient(baseURL: "http://127.0.0.1:\(port)", kioskID: kioskID, key: key, timeout: .seconds(5))
        let outbox = SyncOutbox(
            source: LedgerSyncSource(ledger: ledger), client: client, key: key, sizer: SyncBatchSizer(minimum: 5, initial: 10, maximum: 40))

        // Central is down: the round fails, nothing is lost, issuing goes on.
        await #expect(throws: SyncError.self) { try await outbox.pushPending() }
        var status = await outbox.status
        #expect(status.lastError?.contains("unreachable") == true)
        #expect(status.consecutiveFailures == 1)
        numbers += try await Self.issue(10, on: ledger, kioskID: kioskID, kioskNumber: 101, startingAt: 41)

        // Central comes up: everything arrives, in growing batches.
        var central = try await RunningCentral(database: database, folder: folder.path, port: port)
        let stored = try await outbox.pushPending()
        #expect(stored == 150)
        status = await outbox.status
        #expect(status.ackedSequence == 150 && status.lag == 0 && status.lastError == nil)
        #expect(status.batchSize > 10)

        // A batch central stores but whose answer the kiosk never sees, then central crashes.
        numbers += try await Self.issue(20, on: ledger, kioskID: kioskID, kioskNumber: 101, startingAt: 51)
        let lost = key.signedBatch(
            kioskID: kioskID, previousHash: try #require(try await ledger.entry(sequence: 150)).entryHash,
            entries: try await ledger.entries(after: 150, limit: 25))
        _ = try await client.push(lost)
        await central.kill()
        await #expect(throws: SyncError.self) { try await outbox.pushPending() }
        central = try await RunningCentral(database: database, folder: folder.path, port: port)
        // The outbox still believes central holds 150: it re-sends 151…175, central acks them without
        // storing twice, and the rest follows.
        let rest = try await outbox.pushPending()
        #expect(rest == 210 - 175)
        #expect(await outbox.status.ackedSequence == 210)

        // Exactly once: central holds 210 entries, its head is the ledger's last entry.
        let head = try await client.head()
        #expect(head.ackedSequence == 210)
        let lastHash = try await ledger.lastEntry()?.entryHash
        #expect(head.ackedHash == lastHash)
        let count = try await HTTPProbe.get(central.baseURL + "/v1/kiosks")
        #expect(count.body.contains("\"ackedSequence\":210"))
        for number in numbers {
            let answer = try await HTTPProbe.get(central.baseURL + "/v1/verify/\(number.digits)")
            #expect(answer.status == 200, "\(number) not found")
        }
        let report = try await HTTPProbe.get(central.baseURL + "/v1/reports/daily?date=2025-11-20")
        #expect((report.json?["totals"] as? [String: Any])?["issued"] as? Int == 70)
        try ledger.close()
    }

    @Test func killingCentralDuringARoundLosesNothing() async throws {
        let folder = try TemporaryDirectory(prefix: "sync-kill")
        let kioskID = "busan-01"
        let key = KioskSigningKey()
        let ledger = try await Ledger.open(at: folder.file("ledger.sqlite"))
        _ = try await Self.issue(400, on: ledger, kioskID: kioskID, kioskNumber: 202, startingAt: 1)
        let database = folder.file("central.sqlite")
        try await RunningCentral.register(database: database, id: kioskID, publicKey: key.publicKey.base64)
        var central = try await RunningCentral(database: database, folder: folder.path)
        let port = central.port
        let client = SyncClient(baseURL: central.baseURL, kioskID: kioskID, key: key, timeout: .seconds(5))
        let outbox = SyncOutbox(source: LedgerSyncSource(ledger: ledger), client: client, key: key, sizer: SyncBatchSizer(minimum: 5, initial: 5, maximum: 5))
        // Kill central while the outbox is pushing 240 batches of 5.
        let killer = central
        async let round: Int? = try? await outbox.pushPending()
        while (try? await client.head().ackedSequence) ?? 0 < 100 { try await Task.sleep(for: .milliseconds(5)) }
        await killer.kill()
        _ = await round
        let before = await outbox.status.ackedSequence ?? 0
        #expect(before < 1200)
        central = try await RunningCentral(database: database, folder: folder.path, port: port)
        var rounds = 0
        while await outbox.status.ackedSequence != 1200, rounds < 5 {
            rounds += 1
            _ = try? await outbox.pushPending()
        }
        #expect(await outbox.status.ackedSequence == 1200)
        let head = try await client.head()
        let lastHash = try await ledger.lastEntry()?.entryHash
        #expect(head.ackedSequence == 1200 && head.ackedHash == lastHash)
        try ledger.close()
    }
}
