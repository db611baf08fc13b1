/// Recovery at start, as a pure decision: what to append for an issuance whose last ledger entry is not
/// terminal. The daemon reads the issuance's entries (`Ledger.openIssuances()` then
/// `Ledger.entries(issuanceID:)`), asks the printer about the job when there is one, appends the
/// returned records, and only then opens for new sessions. The decision itself is the ledger entry.
///
/// Rules (the resident is gone after a restart, so nothing is paid out here):
/// - `printing` and the job completed → `issued`;
/// - `printing` and the job failed or is unknown to the printer → `failed`, then `refund-owed`;
/// - `printing` and the job still active → nothing yet (`pending`): ask again later;
/// - `paid` (no job was released) → `refund-owed`;
/// - `failed` → `refund-owed`;
/// - `refund-started` (the payout was interrupted) → `refund-owed`.
public enum IssuanceRecovery {
    /// What the printer says about a job after a restart.
    public enum PrintJobOutcome: Sendable, Hashable {
        /// The job completed: the document was printed.
        case completed
        /// The job failed, was cancelled or aborted (the printer's reason).
        case failed(reason: String)
        /// The printer does not know the job (e.g. its queue was purged): treated as not printed.
        case unknown
        /// The job is still pending or printing.
        case active
    }

    /// The decision for one issuance.
    public enum Decision: Sendable, Hashable {
        /// Append these records (in one batch).
        case append([LedgerRecord])
        /// The job is still active: decide again when it ends.
        case pending
        /// The issuance is already finished (its last entry is terminal): nothing to do.
        case finished
    }

    /// Why the decision cannot be made.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// `history` is empty or mixes issuances.
        case invalidHistory(String)
        /// The last entry is `printing` and the printer was not asked.
        case printJobOutcomeNeeded(jobID: Int?)

        /// A sentence naming the problem.
        public var description: String {
            switch self {
            case .invalidHistory(let message): "cannot recover issuance: \(message)"
            case .printJobOutcomeNeeded(let jobID):
                "cannot recover issuance: ask the printer about job \(jobID.map(String.init) ?? "(none)") first"
            }
        }
    }

    /// Decides what to append for one issuance, from all its entries in order (`history`) and, when its
    /// last entry is `printing`, the printer's answer about the job. `instant` stamps the new records.
    public static func decide(
        history: [LedgerEntry], printJob: PrintJobOutcome?, at instant: LedgerInstant
    ) throws(Problem) -> Decision {
        guard let last = history.last, let issuanceID = last.record.issuanceID else {
            throw .invalidHistory("no entries with an issuance id")
        }
        guard history.allSatisfy({ $0.record.issuanceID == issuanceID }) else {
            throw .invalidHistory("entries of several issuances")
        }
        if last.record.kind.isTerminal { return .finished }
        let paid = history.first { $0.record.kind == .paid }?.record
        func next(_ kind: LedgerEntryKind, money: Bool, detail: String?) -> LedgerRecord {
            var record = last.record
            record.kind = kind
            record.instant = instant
            record.quote = nil
            record.residentReference = nil
            record.pdfSHA256 = kind == .issued ? last.record.pdfSHA256 : nil
            record.amount = money ? (paid?.amount ?? .zero) : nil
            record.paymentMethod = money ? paid?.paymentMethod : nil
            record.paymentReference = money ? paid?.paymentReference : nil
            record.detail = detail
            return record
        }
        switch last.record.kind {
        case .printing:
            switch printJob {
            case nil: throw .printJobOutcomeNeeded(jobID: last.record.printerJobID)
            case .active?: return .pending
            case .completed?:
                return .append([next(.issued, money: false, detail: "recovered at start: print job completed")])
            case .failed(let reason)?:
                return .append([
                    next(.failed, money: false, detail: "recovered at start: print job failed: \(reason)"),
                    next(.refundOwed, money: true, detail: "recovered at start: the resident is gone"),
                ])
            case .unknown?:
                return .append([
                    next(.failed, money: false, detail: "recovered at start: the printer does not know the job"),
                    next(.refundOwed, money: true, detail: "recovered at start: the resident is gone"),
                ])
            }
        case .paid:
            return .append([next(.refundOwed, money: true, detail: "recovered at start: paid, never printed")])
        case .failed:
            return .append([next(.refundOwed, money: true, detail: "recovered at start: failed, refund not started")])
        case .refundStarted:
            return .append([next(.refundOwed, money: true, detail: "recovered at start: refund interrupted")])
        default:
            throw .invalidHistory("last entry \(last.record.kind) does not belong to a paid issuance")
        }
    }
}
