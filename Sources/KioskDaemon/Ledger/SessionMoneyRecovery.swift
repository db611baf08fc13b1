import Foundation
import KioskCore
import KioskDevices
import KioskLedger
import Logging

/// Recovery at start for money that belongs to a session rather than an issuance: a card approval
/// with no `paid` entry is cancelled, and cash taken but neither kept nor given back (a crash while
/// paying, or between `paid` and the change) is recorded as owed (`cash-owed`) — the resident is gone.
///
/// One resident at a time, so only the sessions in the ledger's recent tail can be unfinished.
enum SessionMoneyRecovery {
    /// How many recent entries are examined.
    static let window = 2_000

    /// What one session's money entries add up to.
    struct Balance: Sendable, Equatable {
        /// Cash taken in (coins accepted, notes stacked).
        var cashIn = Money.zero
        /// Kept for issuances (`paid` entries paid in cash).
        var kept = Money.zero
        /// Given back outside refunds (change, returns) or recorded as owed.
        var settled = Money.zero
        /// Card approvals not cancelled, by approval number.
        var openApprovals: [String: Money] = [:]
        /// Whether a `paid` entry exists.
        var paid = false

        /// Cash neither kept nor given back nor owed.
        var unsettledCash: Money { cashIn - kept - settled }

        /// The balance of `entries` (one session's, in order).
        init(_ entries: [LedgerEntry]) {
            for entry in entries {
                let record = entry.record
                let amount = record.amount ?? .zero
                switch record.kind {
                case .cashInserted, .cashStacked: cashIn += amount
                case .paid:
                    paid = true
                    if record.paymentMethod == .cash { kept += amount }
                case .cashDispensed where record.detail != "refund": settled += amount
                case .cashOwed where !(record.detail ?? "").hasPrefix("refund"): settled += amount
                case .cardApproved: openApprovals[record.paymentReference ?? ""] = amount
                case .cardCancelled: openApprovals[record.paymentReference ?? ""] = nil
                default: break
                }
            }
        }
    }

    /// Settles every unfinished session in the recent tail; false if the ledger failed.
    static func run(ledger: DaemonLedger, card: any CardTerminal, kioskID: String, logger: Logger) async -> Bool {
        let recent: [LedgerEntry]
        do throws(LedgerError) {
            recent = try await ledger.tail(window)
        } catch {
            logger.critical("recovery at start: \(error.description)")
            return false
        }
        let sessions = Dictionary(grouping: recent.filter { $0.record.sessionID != nil }, by: { $0.record.sessionID! })
        for (sessionID, entries) in sessions.sorted(by: { $0.value[0].sequence < $1.value[0].sequence }) {
            let balance = Balance(entries)
            var records: [LedgerRecord] = []
            if balance.unsettledCash > .zero {
                records.append(LedgerRecord(
                    kind: .cashOwed, kioskID: kioskID, instant: StartupRecovery.now(), sessionID: sessionID,
                    amount: balance.unsettledCash, paymentMethod: .cash,
                    detail: balance.paid ? "recovered at start: change not given" : "recovered at start: cash taken, payment not completed"))
            }
            if !balance.paid {
                for (reference, amount) in balance.openApprovals.sorted(by: { $0.key < $1.key }) {
                    let approval = CardApproval(approvalNumber: reference, amount: amount, maskedCard: "")
                    do throws(CardError) {
                        try await card.cancel(approval)
                        records.append(LedgerRecord(
                            kind: .cardCancelled, kioskID: kioskID, instant: StartupRecovery.now(), sessionID: sessionID, amount: amount,
                            paymentMethod: .card, paymentReference: reference, detail: "recovered at start: approved, never paid"))
                    } catch {
                        records.append(LedgerRecord(
                            kind: .cashOwed, kioskID: kioskID, instant: StartupRecovery.now(), sessionID: sessionID, amount: amount,
                            paymentMethod: .card, paymentReference: reference,
                            detail: "recovered at start: card approval could not be cancelled: \(error.description)"))
                    }
                }
            }
            guard !records.isEmpty else { continue }
            do throws(LedgerError) {
                try await ledger.append(records)
                logger.warning("recovery at start: session \(sessionID): \(records.map { "\($0.kind) \($0.amount ?? .zero)" }.joined(separator: ", "))")
            } catch {
                logger.critical("recovery at start: \(error.description)")
                return false
            }
        }
        return true
    }
}
