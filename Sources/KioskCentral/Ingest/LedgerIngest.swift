import KioskCore
public import KioskSync

/// Checks and stores pushed batches: signature against the registered key, chain continuation from what
/// central holds, idempotent resends, tamper detection. Nothing is stored unless every check passes.
public struct LedgerIngest: Sendable {
    /// The most entries one batch may carry.
    public static let maximumEntries = 10_000

    private let storage: any CentralStorage

    /// Ingest into `storage`.
    public init(storage: any CentralStorage) { self.storage = storage }

    /// Checks `batch`, pushed to the path of kiosk `pathKioskID`, and stores its new entries.
    /// `nowUTCMilliseconds` dates a tamper flag.
    /// - Throws: `CentralStorageError` only when the database fails (answer 500/503).
    public func ingest(pathKioskID: String, batch: LedgerBatch, nowUTCMilliseconds: Int64) async throws(CentralStorageError) -> IngestOutcome {
        guard let kiosk = try await storage.kiosk(id: pathKioskID) else {
            return .refused(status: 401, problem: CentralProblem(error: "unknown-kiosk", reason: "no kiosk \(pathKioskID) is registered"))
        }
        guard batch.kioskID == pathKioskID else {
            return .refused(status: 403, problem: CentralProblem(
                error: "kiosk-mismatch", reason: "the batch names kiosk \(batch.kioskID) but was pushed to \(pathKioskID)"))
        }
        guard let key = try? KioskPublicKey(base64: kiosk.publicKey), key.verifies(batch) else {
            return .refused(status: 403, problem: CentralProblem(
                error: "bad-signature", reason: "the batch signature does not verify with kiosk \(pathKioskID)'s registered key"))
        }
        if let reason = kiosk.tamperedReason {
            return .refused(status: 422, problem: CentralProblem(
                error: "kiosk-tampered", reason: "kiosk \(pathKioskID) is flagged as tampered (\(reason)); an operator must investigate"))
        }
        guard let first = batch.entries.first, let last = batch.entries.last else {
            return .refused(status: 400, problem: CentralProblem(error: "empty-batch", reason: "the batch holds no entries"))
        }
        guard batch.entries.count <= Self.maximumEntries else {
            return .refused(status: 413, problem: CentralProblem(
                error: "batch-too-large", reason: "the batch holds \(batch.entries.count) entries; at most \(Self.maximumEntries)"))
        }
        guard first.sequence >= 1 else {
            return .refused(status: 400, problem: CentralProblem(error: "bad-sequence", reason: "entry sequences start at 1, got \(first.sequence)"))
        }
        // The batch must be a chain in itself: consecutive, each hash right, each naming the one before.
        let rows: [CentralEntryRow]
        switch Self.checkedRows(batch, kioskID: pathKioskID) {
        case .success(let checked): rows = checked
        case .failure(let problem):
            try await storage.flagTampered(kioskID: pathKioskID, reason: problem.reason, atUTCMilliseconds: nowUTCMilliseconds)
            return .refused(status: 422, problem: CentralProblem(error: "chain-broken", reason: problem.reason))
        }
        let head = try await storage.head(kioskID: pathKioskID)
        if first.sequence > head.sequence + 1 {
            return .refused(status: 409, problem: CentralProblem(
                error: "chain-gap",
                reason: "central holds kiosk \(pathKioskID) up to entry \(head.sequence); the batch starts at \(first.sequence)",
                expectedSequence: head.sequence + 1))
        }
        // Entries central already holds must be byte-for-byte the same (their hashes cover every field).
        if first.sequence <= head.sequence {
            let overlapEnd = min(last.sequence, head.sequence)
            let stored = try await storage.entryHashes(kioskID: pathKioskID, range: first.sequence...overlapEnd)
            for entry in batch.entries where entry.sequence <= overlapEnd {
                if stored[entry.sequence] != entry.entryHash {
                    let reason = "entry \(entry.sequence) differs from the one central holds: the batch rewrites history"
                    try await storage.flagTampered(kioskID: pathKioskID, reason: reason, atUTCMilliseconds: nowUTCMilliseconds)
                    return .refused(status: 422, problem: CentralProblem(error: "history-rewritten", reason: reason))
                }
            }
            if first.sequence > 1, let before = try await storage.entryHashes(kioskID: pathKioskID, range: (first.sequence - 1)...(first.sequence - 1))[first.sequence - 1],
                before != batch.previousHash
            {
                let reason = "the batch's previous hash does not match entry \(first.sequence - 1) that central holds"
                try await storage.flagTampered(kioskID: pathKioskID, reason: reason, atUTCMilliseconds: nowUTCMilliseconds)
                return .refused(status: 422, problem: CentralProblem(error: "history-rewritten", reason: reason))
            }
        } else if batch.previousHash != head.hash {
            let reason = "the batch does not continue the chain: its previous hash is not the hash of entry \(head.sequence) that central holds"
            try await storage.flagTampered(kioskID: pathKioskID, reason: reason, atUTCMilliseconds: nowUTCMilliseconds)
            return .refused(status: 422, problem: CentralProblem(error: "history-rewritten", reason: reason))
        }
        let fresh = Array(rows.drop { $0.sequence <= head.sequence })
        if fresh.isEmpty {
            return .accepted(LedgerAck(kioskID: pathKioskID, ackedSequence: head.sequence, ackedHash: head.hash, stored: 0))
        }
        do throws(CentralStorageError) {
            try await storage.append(kioskID: pathKioskID, rows: fresh, expectedHead: head.sequence)
        } catch .headMoved(_, let found) {
            return .refused(status: 409, problem: CentralProblem(
                error: "chain-gap", reason: "another push for kiosk \(pathKioskID) was stored at the same time",
                expectedSequence: found + 1))
        }
        return .accepted(LedgerAck(kioskID: pathKioskID, ackedSequence: last.sequence, ackedHash: last.entryHash, stored: fresh.count))
    }

    /// The rows to store for the batch's entries (each entry's canonical bytes computed once, for its
    /// hash check and for storage), or the first way the batch is not a valid chain on its own.
    static func checkedRows(_ batch: LedgerBatch, kioskID: String) -> Result<[CentralEntryRow], ChainProblem> {
        var previousHash = batch.previousHash
        var expected = batch.entries[0].sequence
        if expected == 1 && previousHash != .zero {
            return .failure(ChainProblem(reason: "entry 1 must follow the zero hash"))
        }
        var rows: [CentralEntryRow] = []
        rows.reserveCapacity(batch.entries.count)
        for entry in batch.entries {
            if entry.sequence != expected {
                return .failure(ChainProblem(reason: "entry \(entry.sequence) follows entry \(expected - 1): the batch's sequences are not consecutive"))
            }
            if entry.previousHash != previousHash {
                return .failure(ChainProblem(reason: "entry \(entry.sequence): previous hash does not match the entry before it"))
            }
            let row = CentralEntryRow(entry)
            if row.entryHash != entry.entryHash {
                return .failure(ChainProblem(reason: "entry \(entry.sequence): content does not match its hash (the entry was altered)"))
            }
            if entry.record.kioskID != kioskID {
                return .failure(ChainProblem(reason: "entry \(entry.sequence) was written by kiosk \(entry.record.kioskID), not \(kioskID)"))
            }
            rows.append(row)
            previousHash = entry.entryHash
            expected += 1
        }
        return .success(rows)
    }

    /// Why a batch is not a chain on its own.
    struct ChainProblem: Error {
        var reason: String
    }
}
