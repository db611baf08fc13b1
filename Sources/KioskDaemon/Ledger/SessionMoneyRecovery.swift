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
                case .cashDispensed where !(record.detail ?? "").hasPrefix("refund"): settled += amount
                case .cashOwed where !(record.detail ?? "").hasPrefix("refund"): settled += amount
                case .cardApproved: openApprovals[record.paymentReference ?? ""] = amount
                case .cardCancelled: openApprovals[record.paymentReference ?? ""] = nil
                default: break
                }
            }
        }
    }

    /// Compares the cash module's counters with the last ones recorded: money the module took or paid
    /// out while the crash kept it out of the ledger is recorded now, for the most recent session. A
    /// payout that matches an interrupted refund closes that refund as `refunded`. Run before
    /// `StartupRecovery`. False if the ledger failed.
    static func reconcileCounters(ledger: DaemonLedger, cash: any CashHandler, kioskID: String, logger: Logger) async -> Bool {
        guard let now = await CashCounters.read(cash) else { return true }
        do throws(LedgerError) {
            let recent = try await ledger.tail(window)
            let recorded: CashCounters
            if let last = recent.last(where: { CashCounters(reference: $0.record.paymentReference) != nil }) {
                recorded = CashCounters(reference: last.record.paymentReference)!
            } else if (recent.first?.sequence ?? 1) <= 1 {
                recorded = CashCounters(box: 0, out: 0)
            } else {
                return true
            }
            guard now != recorded else { return true }
            let sessionID = recent.last(where: { $0.record.sessionID != nil })?.record.sessionID
            var records: [LedgerRecord] = []
            func cashRecord(_ kind: LedgerEntryKind, _ won: Int, _ detail: String) -> LedgerRecord {
                LedgerRecord(
                    kind: kind, kioskID: kioskID, instant: LedgerInstant.now(), sessionID: sessionID, amount: Money(won: won),
                    paymentMethod: .cash, paymentReference: now.reference, detail: detail)
            }
            let boxDelta = now.box - recorded.box
            if boxDelta > 0 {
                records.append(cashRecord(.cashStacked, boxDelta, "recovered at start: in the cash box by the module's counter"))
            }
            let outDelta = now.out - recorded.out
            if outDelta > 0 {
                let refunding = try await ledger.openIssuances().last {
                    $0.record.sessionID == sessionID && $0.record.kind == .refundStarted && $0.record.amount == Money(won: outDelta)
                }
                if let refunding {
                    records.append(cashRecord(.cashDispensed, outDelta, "refund"))
                    var refunded = refunding.record
                    refunded.kind = .refunded
                    refunded.instant = LedgerInstant.now()
                    refunded.detail = "recovered at start: paid out per the cash module's counter"
                    records.append(refunded)
                } else {
                    records.append(cashRecord(.cashDispensed, outDelta, "recovered at start: paid out per the module's counter"))
                }
            }
            if boxDelta < 0 || outDelta < 0 {
                logger.error("cash module counters \(now.reference) are below the ledger's \(recorded.reference): count the cash module")
            }
            guard !records.isEmpty else { return true }
            try await ledger.append(records)
            logger.warning("recovery at start: cash module counters \(now.reference), ledger had \(recorded.reference): recorded the difference")
            return true
        } catch {
            logger.critical("recovery at start: \(error.description)")
            return false
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
                    kind: .cashOwed, kioskID: kioskID, instant: LedgerInstant.now(), sessionID: sessionID,
                    amount: balance.unsettledCash, paymentMethod: .cash,
                    detail: balance.paid ? "recovered at start: change not given" : "recovered at start: cash taken, payment not completed"))
            }
            if !balance.paid {
                for (reference, amount) in balance.openApprovals.sorted(by: { $0.key < $1.key }) {
                    let approval = CardApproval(approvalNumber: reference, amount: amount, maskedCard: "")
                    do throws(CardError) {
                        try await card.cancel(approval)
                        records.append(LedgerRecord(
                            kind: .cardCancelled, kioskID: kioskID, instant: LedgerInstant.now(), sessionID: sessionID, amount: amount,
                            paymentMethod: .card, paymentReference: reference, detail: "recovered at start: approved, never paid"))
                    } catch {
                        records.append(LedgerRecord(
                            kind: .cashOwed, kioskID: kioskID, instant: LedgerInstant.now(), sessionID: sessionID, amount: amount,
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
