/// Recovery at start, as a pure decision: what to append for an issuance whose last ledger entry is not
/// terminal. The daemon reads the issuance's entries (`Ledger.openIssuances()` then
/// `Ledger.entries(issuanceID:)`), asks the printer about the job when there is one, appends the
/// returned records, and only then opens for new sessions. The decision itself is the ledger entry.
///
/// Rules (the resident is gone after a restart, so nothing is paid out here):
/// - `printing` and the job completed → `issued`;
/// - `printing` and the job failed or is unknown to the printer → `failed`, then `refund-owed`;
/// - `printing` and the job still active → nothing yet (`pending`): ask again later;
/// - `paid` (no job recorded) and the printer has a job under the issuance's name (accepted just before
///   the crash) → `printing` with that job, then as for `printing`;
/// - `paid` and no such job → `refund-owed`;
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

    /// A job the printer holds under the issuance's job name, found after a restart.
    public struct FoundJob: Sendable, Hashable {
        /// The printer's job id.
        public var jobID: Int
        /// What the printer says about it.
        public var outcome: PrintJobOutcome

        /// A found job.
        public init(jobID: Int, outcome: PrintJobOutcome) {
            self.jobID = jobID
            self.outcome = outcome
        }
    }

    /// The job name to look for when an issuance's last entry is `paid` or `reprint-requested`, or nil.
    public static func jobNameToFind(history: [LedgerEntry]) -> String? {
        guard let last = history.last?.record, last.kind == .paid || last.kind == .reprintRequested,
            let number = last.issuanceNumber, let code = last.documentCode, let copies = last.copies
        else { return nil }
        return PrintJobRequest.jobName(number: number, documentCode: code, copies: copies)
    }

    /// Decides what to append for one issuance, from all its entries in order (`history`) and, when its
    /// last entry is `printing`, the printer's answer about the job; when it is `paid` (or
    /// `reprint-requested`), the job found under its name, if any. `instant` stamps the new records.
    public static func decide(
        history: [LedgerEntry], printJob: PrintJobOutcome?, foundJob: FoundJob? = nil, at instant: LedgerInstant
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
        case .paid, .reprintRequested:
            guard let found = foundJob, found.outcome != .unknown else {
                return .append([next(.refundOwed, money: true, detail: "recovered at start: paid, never printed")])
            }
            var printing = next(.printing, money: false, detail: "recovered at start: the printer has job \(found.jobID) under this issuance's name")
            printing.printerJobID = found.jobID
            switch found.outcome {
            case .active, .unknown:
                return .append([printing])
            case .completed:
                var issued = next(.issued, money: false, detail: "recovered at start: print job completed")
                issued.printerJobID = found.jobID
                return .append([printing, issued])
            case .failed(let reason):
                var failed = next(.failed, money: false, detail: "recovered at start: print job failed: \(reason)")
                failed.printerJobID = found.jobID
                var owed = next(.refundOwed, money: true, detail: "recovered at start: the resident is gone")
                owed.printerJobID = found.jobID
                return .append([printing, failed, owed])
            }
        case .failed:
            return .append([next(.refundOwed, money: true, detail: "recovered at start: failed, refund not started")])
        case .refundStarted:
            return .append([next(.refundOwed, money: true, detail: "recovered at start: refund interrupted")])
        default:
            throw .invalidHistory("last entry \(last.record.kind) does not belong to a paid issuance")
        }
    }
}
