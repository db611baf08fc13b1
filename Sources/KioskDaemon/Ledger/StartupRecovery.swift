import Foundation
import KioskCore
import KioskDevices
import KioskLedger
import Logging

/// Recovery at start, before the first session: every issuance whose last ledger entry is not
/// terminal is reconciled with `IssuanceRecovery` (the printer is asked about jobs that were
/// printing) and the decision is appended. Jobs still active are asked again until they end.
enum StartupRecovery {
    /// What recovery did.
    struct Summary: Sendable, CustomStringConvertible {
        var issued = 0
        var owed = 0
        var description: String { "recovery at start: \(issued) issued, \(owed) refund-owed" }
    }

    /// Reconciles every open issuance; returns nil (and marks the ledger unusable) if it cannot finish.
    static func run(ledger: DaemonLedger, printer: any DocumentPrinter, logger: Logger) async -> Summary? {
        var summary = Summary()
        let open: [LedgerEntry]
        do throws(LedgerError) {
            open = try await ledger.openIssuances()
        } catch {
            logger.critical("recovery at start: \(error.description)")
            return nil
        }
        for last in open {
            guard let issuanceID = last.record.issuanceID else { continue }
            var attempts = 0
            while true {
                attempts += 1
                do {
                    let history = try await ledger.entries(issuanceID: issuanceID)
                    var outcome: IssuanceRecovery.PrintJobOutcome?
                    var found: IssuanceRecovery.FoundJob?
                    var unanswered = false
                    if history.last?.record.kind == .printing {
                        outcome = await ask(printer, jobID: history.last?.record.printerJobID)
                    } else if let name = IssuanceRecovery.jobNameToFind(history: history) {
                        do throws(PrinterError) {
                            if let id = try await printer.jobID(named: name) {
                                found = IssuanceRecovery.FoundJob(jobID: id.rawValue, outcome: await ask(printer, jobID: id.rawValue))
                            }
                        } catch {
                            // The printer cannot say whether it took the job: ask again, never guess.
                            unanswered = true
                        }
                    }
                    let decision = unanswered
                        ? IssuanceRecovery.Decision.pending
                        : try IssuanceRecovery.decide(history: history, printJob: outcome, foundJob: found, at: LedgerInstant.now())
                    switch decision {
                    case .finished: break
                    case .pending:
                        if attempts < 600 {
                            try? await Task.sleep(for: .milliseconds(50))
                            continue
                        }
                        logger.error("recovery at start: issuance \(issuanceID): the printer has not settled its job within 30 s; left for the next start")
                    case .append(let records):
                        try await ledger.append(records)
                        if records.contains(where: { $0.kind == .issued }) { summary.issued += 1 }
                        if records.contains(where: { $0.kind == .refundOwed }) {
                            summary.owed += 1
                            logger.warning("recovery at start: issuance \(issuanceID): refund owed (\(records.last?.detail ?? ""))")
                        }
                    }
                } catch let error as LedgerError {
                    logger.critical("recovery at start: \(error.description)")
                    return nil
                } catch {
                    logger.critical("recovery at start: issuance \(issuanceID): \(error)")
                    await ledger.fail("recovery at start failed for issuance \(issuanceID): \(error)")
                    return nil
                }
                break
            }
        }
        logger.notice("\(summary.description)")
        return summary
    }

    private static func ask(_ printer: any DocumentPrinter, jobID: Int?) async -> IssuanceRecovery.PrintJobOutcome {
        guard let jobID else { return .unknown }
        do throws(PrinterError) {
            switch try await printer.jobState(PrintJobID(jobID)) {
            case .completed: return .completed
            case .aborted(let reasons): return .failed(reason: reasons.joined(separator: ", "))
            case .canceled: return .failed(reason: "cancelled")
            default: return .active
            }
        } catch {
            if case .unknownJob = error { return .unknown }
            return .active
        }
    }
}
