import Foundation
import KioskCore

/// The outbox over the kiosk's ledger: pushes entries in order, in signed batches, resuming after what
/// central acknowledged. One round (`pushPending`) runs until central holds everything or a push fails;
/// the caller (the daemon's sync service) decides when to run the next round and how long to back off.
/// Reading the ledger never takes the writer, so sync never blocks issuing.
public actor SyncOutbox {
    private let source: any SyncLedgerSource
    private let client: SyncClient
    private let key: KioskSigningKey
    private var acked: Int64?
    private var lastSequence: Int64 = 0
    private var sizer: SyncBatchSizer
    private var lastError: String?
    private var failures = 0
    private var lastSuccess: Int64?

    /// An outbox reading `source`, pushing through `client`, signing with `key`.
    public init(source: any SyncLedgerSource, client: SyncClient, key: KioskSigningKey, sizer: SyncBatchSizer = SyncBatchSizer()) {
        self.source = source
        self.client = client
        self.key = key
        self.sizer = sizer
    }

    /// The current status.
    public var status: SyncStatus {
        SyncStatus(
            ackedSequence: acked, lastSequence: lastSequence, lag: max(0, lastSequence - (acked ?? 0)), lastError: lastError,
            consecutiveFailures: failures, batchSize: sizer.current, lastSuccessUTCMilliseconds: lastSuccess)
    }

    /// Consecutive failed rounds (for the backoff).
    public var consecutiveFailures: Int { failures }

    /// Pushes until central holds every entry, or a push fails. Answers the number of entries central
    /// newly stored in this round.
    /// - Throws: `SyncError` from the failing step; the status records it.
    @discardableResult
    public func pushPending() async throws(SyncError) -> Int {
        do throws(SyncError) {
            let stored = try await round()
            failures = 0
            lastError = nil
            return stored
        } catch {
            failures += 1
            lastError = error.description
            throw error
        }
    }

    /// Records central's head from a heartbeat answer.
    public func noteAcknowledged(_ ack: LedgerAck) {
        acked = max(acked ?? 0, ack.ackedSequence)
    }

    private func readLast() async throws(SyncError) -> Int64 {
        do { return try await source.lastSequence() } catch { throw .ledger(String(describing: error)) }
    }

    private func round() async throws(SyncError) -> Int {
        lastSequence = try await readLast()
        if acked == nil {
            acked = try await client.head().ackedSequence
        }
        var stored = 0
        var gaps = 0
        while true {
            let from = acked ?? 0
            if from > lastSequence {
                lastSequence = try await readLast()
                if from > lastSequence { throw .centralAhead(central: from, local: lastSequence) }
            }
            let entries: [LedgerEntry]
            do { entries = try await source.entries(after: from, limit: sizer.current) } catch {
                throw .ledger(String(describing: error))
            }
            guard let first = entries.first, let last = entries.last else { return stored }
            lastSequence = max(lastSequence, last.sequence)
            let batch = key.signedBatch(kioskID: client.kioskID, previousHash: first.previousHash, entries: entries)
            do throws(SyncError) {
                let ack = try await client.push(batch)
                acked = ack.ackedSequence
                stored += ack.stored
                lastSuccess = Int64(Date().timeIntervalSince1970 * 1000)
                sizer.succeeded(remaining: lastSequence - ack.ackedSequence)
            } catch .refused(409, let problem) where problem.expectedSequence != nil {
                // Central holds less (or more) than we thought: resume where it says, once or twice.
                gaps += 1
                if gaps > 3 { throw .refused(status: 409, problem: problem) }
                acked = (problem.expectedSequence ?? 1) - 1
            } catch .refused(413, let problem) {
                sizer.failed()
                throw .refused(status: 413, problem: problem)
            } catch .unreachable(let message) {
                sizer.failed()
                throw .unreachable(message)
            }
        }
    }
}
