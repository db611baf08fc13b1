import Foundation
import KioskCentral
import KioskCore
import KioskSync
import KioskTestSupport
import Testing

/// Ingest rules over every storage backend: signature, chain continuation, idempotent resends,
/// tamper detection, atomicity.
@Suite struct IngestTests {
    static let now: Int64 = 1_763_700_000_000

    struct Rig {
        let directory: TemporaryDirectory
        let storage: any CentralStorage
        let ingest: LedgerIngest
        var chain: ChainFixture

        init(storage: any CentralStorage, directory: TemporaryDirectory, issuances: Int) async throws {
            self.directory = directory
            self.storage = storage
            ingest = LedgerIngest(storage: storage)
            chain = ChainFixture(kioskID: "seoul-jongno-01", kioskNumber: 101)
            for index in 0..<issuances { chain.issue(failed: index % 4 == 3) }
            try await storage.addKiosk(
                CentralKiosk(id: chain.kioskID, publicKey: chain.key.publicKey.base64, name: "종로구청 1층", location: "Jongno-gu office", district: "Jongno-gu"))
        }

        func push(_ batch: LedgerBatch, to id: String? = nil) async throws -> IngestOutcome {
            try await ingest.ingest(pathKioskID: id ?? chain.kioskID, batch: batch, nowUTCMilliseconds: IngestTests.now)
        }

        func count() async throws -> Int64 { try await storage.entryCount() }
        func tampered() async throws -> String? { try await storage.kiosk(id: chain.kioskID)?.tamperedReason }
    }

    static func withRig(_ backend: StorageBackend, issuances: Int = 4, _ body: @Sendable (Rig) async throws -> Void) async throws {
        try await backend.with { storage, directory in
            try await body(try await Rig(storage: storage, directory: directory, issuances: issuances))
        }
    }

    static func status(_ outcome: IngestOutcome) -> Int {
        switch outcome {
        case .accepted: 200
        case .refused(let status, _): status
        }
    }

    static func problem(_ outcome: IngestOutcome) -> CentralProblem? {
        if case .refused(_, let problem) = outcome { return problem }
        return nil
    }

    @Test(arguments: StorageBackend.allCases)
    func acceptsBatchesInOrderAndAcksTheLastSequence(backend: StorageBackend) async throws {
        try await Self.withRig(backend) { rig in
            let first = try await rig.push(rig.chain.batch(1...5))
            #expect(first == .accepted(LedgerAck(kioskID: rig.chain.kioskID, ackedSequence: 5, ackedHash: rig.chain.entries[4].entryHash, stored: 5)))
            let second = try await rig.push(rig.chain.batch(6...13))
            #expect(second == .accepted(LedgerAck(kioskID: rig.chain.kioskID, ackedSequence: 13, ackedHash: rig.chain.entries[12].entryHash, stored: 8)))
            #expect(try await rig.count() == 13)
            #expect(try await rig.storage.head(kioskID: rig.chain.kioskID) == CentralHead(sequence: 13, hash: rig.chain.entries[12].entryHash))
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func resentBatchAnswersTheSameAckAndStoresOnce(backend: StorageBackend) async throws {
        try await Self.withRig(backend) { rig in
            _ = try await rig.push(rig.chain.batch(1...6))
            let again = try await rig.push(rig.chain.batch(1...6))
            #expect(again == .accepted(LedgerAck(kioskID: rig.chain.kioskID, ackedSequence: 6, ackedHash: rig.chain.entries[5].entryHash, stored: 0)))
            // An overlapping batch stores only the new part.
            let overlap = try await rig.push(rig.chain.batch(4...9))
            #expect(overlap == .accepted(LedgerAck(kioskID: rig.chain.kioskID, ackedSequence: 9, ackedHash: rig.chain.entries[8].entryHash, stored: 3)))
            #expect(try await rig.count() == 9)
            #expect(try await rig.tampered() == nil)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func gapAnswers409WithTheExpectedSequence(backend: StorageBackend) async throws {
        try await Self.withRig(backend) { rig in
            _ = try await rig.push(rig.chain.batch(1...3))
            let outcome = try await rig.push(rig.chain.batch(6...9))
            #expect(Self.status(outcome) == 409)
            #expect(Self.problem(outcome)?.expectedSequence == 4)
            #expect(try await rig.count() == 3)
            #expect(try await rig.tampered() == nil)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func unknownKioskIs401AndAnotherKiosksKeyIs403(backend: StorageBackend) async throws {
        try await Self.withRig(backend) { rig in
            let unknown = try await rig.push(rig.chain.batch(1...3), to: "nobody")
            #expect(Self.status(unknown) == 401)
            let intruder = KioskSigningKey()
            let forged = try await rig.push(rig.chain.batch(1...3, signer: intruder))
            #expect(Self.status(forged) == 403)
            #expect(Self.problem(forged)?.error == "bad-signature")
            // A batch of kiosk A's entries pushed (with a valid signature) to kiosk B's path.
            var other = ChainFixture(kioskID: "busan-01", kioskNumber: 202)
            other.issue()
            try await rig.storage.addKiosk(CentralKiosk(id: other.kioskID, publicKey: other.key.publicKey.base64, name: "b", location: "", district: "Busan"))
            let misrouted = try await rig.push(other.batch(1...3), to: rig.chain.kioskID)
            #expect(Self.status(misrouted) == 403)
            #expect(try await rig.count() == 0)
            #expect(try await rig.tampered() == nil)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func modifiedEntryIs422AndFlagsTheKiosk(backend: StorageBackend) async throws {
        try await Self.withRig(backend) { rig in
            var entries = Array(rig.chain.entries[0..<6])
            let original = entries[3]
            var record = original.record
            record.amount = Money(won: 1)  // skim the fee, keep the stored hash
            entries[3] = LedgerEntry(
                stored: record, sequence: original.sequence, entryID: original.entryID, previousHash: original.previousHash, entryHash: original.entryHash)
            let batch = rig.chain.key.signedBatch(kioskID: rig.chain.kioskID, previousHash: .zero, entries: entries)
            let outcome = try await rig.push(batch)
            #expect(Self.status(outcome) == 422)
            #expect(Self.problem(outcome)?.reason.contains("entry 4") == true)
            #expect(try await rig.count() == 0)
            #expect(try await rig.tampered() != nil)
            // A flagged kiosk is refused until an operator investigates.
            #expect(Self.status(try await rig.push(rig.chain.batch(1...3))) == 422)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func truncatedChainIsRefusedAndNothingStored(backend: StorageBackend) async throws {
        try await Self.withRig(backend) { rig in
            // Entry 3 removed from the middle of a batch.
            let entries = Array(rig.chain.entries[0..<2] + rig.chain.entries[3..<6])
            let outcome = try await rig.push(rig.chain.key.signedBatch(kioskID: rig.chain.kioskID, previousHash: .zero, entries: entries))
            #expect(Self.status(outcome) == 422)
            #expect(try await rig.count() == 0)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func rewritingHeldHistoryIs422AndFlagsTheKiosk(backend: StorageBackend) async throws {
        try await Self.withRig(backend) { rig in
            _ = try await rig.push(rig.chain.batch(1...6))
            // The kiosk (or someone with its key) rebuilds entries 4… differently and re-sends them.
            var forked = ChainFixture(kioskID: rig.chain.kioskID, kioskNumber: 101)
            for entry in rig.chain.entries[0..<3] { forked.append(entry.record) }
            forked.issue(won: 0)
            forked.issue()
            let rewrite = rig.chain.key.signedBatch(kioskID: rig.chain.kioskID, previousHash: forked.entries[2].entryHash, entries: Array(forked.entries[3..<9]))
            let outcome = try await rig.push(rewrite)
            #expect(Self.status(outcome) == 422)
            #expect(Self.problem(outcome)?.error == "history-rewritten")
            #expect(try await rig.count() == 6)
            #expect(try await rig.tampered() != nil)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func batchNotContinuingTheHeldHeadIs422(backend: StorageBackend) async throws {
        try await Self.withRig(backend) { rig in
            _ = try await rig.push(rig.chain.batch(1...3))
            var other = ChainFixture(kioskID: rig.chain.kioskID, kioskNumber: 101)
            for _ in 0..<3 { other.issue(won: 999) }
            let outcome = try await rig.push(rig.chain.key.signedBatch(kioskID: rig.chain.kioskID, previousHash: other.entries[2].entryHash, entries: Array(other.entries[3..<6])))
            #expect(Self.status(outcome) == 422)
            #expect(try await rig.count() == 3)
            #expect(try await rig.tampered() != nil)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func appendIsAtomicAgainstAMovedHead(backend: StorageBackend) async throws {
        try await Self.withRig(backend) { rig in
            try await rig.storage.append(kioskID: rig.chain.kioskID, entries: Array(rig.chain.entries[0..<3]), expectedHead: 0)
            await #expect(throws: CentralStorageError.headMoved(expected: 0, found: 3)) {
                try await rig.storage.append(kioskID: rig.chain.kioskID, entries: Array(rig.chain.entries[3..<6]), expectedHead: 0)
            }
            #expect(try await rig.count() == 3)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func issuanceEntriesAndDailyTotals(backend: StorageBackend) async throws {
        try await Self.withRig(backend, issuances: 0) { rig in
            var rig = rig
            let number = rig.chain.issue(document: "FAMILY-REL", won: 1000)
            rig.chain.issue(document: "RESIDENT-COPY", won: 200, failed: true)
            _ = try await rig.push(rig.chain.batch(1...rig.chain.entries.count))
            let entries = try await rig.storage.issuanceEntries(number: number)
            #expect(entries.map(\.record.kind) == [.paid, .printing, .issued])
            let unknown = try IssuanceNumber(kioskNumber: 101, sequence: 99)
            #expect(try await rig.storage.issuanceEntries(number: unknown).isEmpty)
            let totals = try await rig.storage.dailyTotals(fromUTCMilliseconds: ChainFixture.baseMilliseconds - 1, toUTCMilliseconds: ChainFixture.baseMilliseconds + 86_400_000)
            let family = totals.filter { $0.documentCode == "FAMILY-REL" }
            #expect(family.first { $0.kind == "issued" }?.count == 1)
            #expect(family.first { $0.kind == "paid" }?.amountWon == 1000)
            let resident = totals.filter { $0.documentCode == "RESIDENT-COPY" }
            #expect(resident.first { $0.kind == "failed" }?.count == 1)
            #expect(resident.first { $0.kind == "refunded" }?.amountWon == 200)
            #expect(try await rig.storage.dailyTotals(fromUTCMilliseconds: 0, toUTCMilliseconds: 1000).isEmpty)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func registryRefusesDuplicates(backend: StorageBackend) async throws {
        try await Self.withRig(backend) { rig in
            await #expect(throws: CentralStorageError.duplicateKiosk(rig.chain.kioskID)) {
                try await rig.storage.addKiosk(CentralKiosk(id: rig.chain.kioskID, publicKey: "x", name: "", location: "", district: ""))
            }
            let ids = try await rig.storage.kiosks().map(\.id)
            #expect(ids == [rig.chain.kioskID])
        }
    }
}
