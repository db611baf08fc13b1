import KioskCore
import KioskDevices
import KioskLedger
import KioskPayment
import Logging

/// Recovery at start for a ccTalk cash module, whose counts live in host memory: the ledger is their
/// source of truth. The cash box is what came in since the last collection (`CashBoxFold`). The coins
/// in the hoppers (they only sense low/empty) come from the counts every cash entry carries after its
/// movement (`HopperLedgerCounts` in `paymentReference`): at start, before the first session, they are
/// folded back from the newest entries and handed to the module with `setHopperCount`.
///
/// The host can die between a payout and the entry that records it; the hopper keeps its payout event
/// counter. Each entry records the counters too, and a hopper whose counter is one further on paid
/// coins the ledger never heard of: they are taken off its count and recorded as `cash-dispensed` for
/// the last session (closing its refund when the amount matches an interrupted one), before
/// `SessionMoneyRecovery` balances that session.
///
/// A coin no entry records (a ledger from before counts were recorded, or a hopper never refilled)
/// starts at 0 with a warning: the kiosk then offers "exact amount or card only" until a technician
/// counts the hopper and refills it, rather than promising change it may not have.
enum CCTalkCashRecovery {
    /// How many entries are read per step, newest first.
    static let page: Int64 = 2_000

    /// The counts to record with a cash entry now, if the module keeps host-side hopper counts.
    static func reference(_ cash: any CashHandler) async -> String? {
        guard let handler = cash as? CCTalkCashHandler else { return nil }
        return HopperLedgerCounts(await handler.hopperCounts(), counters: await handler.hopperPayoutCounters()).reference
    }

    /// The counts to record with a refill of `coins`, before the refill is applied.
    /// - Throws: `CashError` naming a coin no hopper pays (nothing is recorded then).
    static func reference(_ cash: any CashHandler, afterRefill coins: [Money: Int]) async throws(CashError) -> String? {
        guard let handler = cash as? CCTalkCashHandler else { return nil }
        let counts = try await handler.hopperCounts(afterRefill: coins)
        return HopperLedgerCounts(counts, counters: await handler.hopperPayoutCounters()).reference
    }

    /// Restores the hopper counts and the cash box of a ccTalk module from the ledger and records payouts it missed.
    /// False when the ledger cannot be read or written (the counts then stay at 0: the kiosk promises
    /// no change it cannot prove).
    static func run(ledger: DaemonLedger, cash: any CashHandler, kioskID: String, logger: Logger) async -> Bool {
        guard let handler = cash as? CCTalkCashHandler else { return true }
        if await handler.returnedEscrowAtStart() {
            logger.warning("cash: a note left in escrow by the last run (never credited) was returned at start")
        }
        let coins = Set(await handler.hopperCounts().keys)
        var fold = HopperCountFold(coins: coins)
        var box = CashBoxFold(denominations: Set(await handler.inventory().accepted))
        do throws(LedgerError) {
            let reader = try await ledger.readable()
            var upper = await ledger.head
            while upper > 0 && !(fold.isComplete && box.isComplete) {
                let lower = max(0, upper - page)
                let entries = try await reader.entries(after: lower, limit: Int(upper - lower))
                fold.read(newestFirst: entries.reversed())
                box.read(newestFirst: entries.reversed())
                upper = lower
            }
        } catch {
            logger.critical("cash: the ledger cannot be read (\(error.description)); every hopper counts as empty")
            return false
        }
        do throws(CashError) {
            try await handler.restoreCashBox(box.counts)
        } catch {
            logger.error("cash box: \(error.description)")
        }
        logger.notice("cash box: \(box.total) since the last collection, restored from the ledger")
        if box.unattributed > .zero {
            logger.warning("cash box: \(box.unattributed) in the ledger is not one coin or note and is left out of the box's count")
        }
        for coin in coins.sorted() {
            let count = fold.counts[coin] ?? 0
            do throws(CashError) {
                try await handler.setHopperCount(coin, count: count)
            } catch {
                logger.error("hopper counts: \(error.description)")
            }
            let stale = fold.unrecordedMovements[coin] ?? 0
            if let source = fold.sources[coin] {
                logger.notice("hopper \(coin): \(count) coins, restored from ledger entry \(source)")
                if stale > 0 {
                    logger.warning(
                        "hopper \(coin): \(stale) later payout or refill entries record no counts (written by an older kioskd): count the hopper and refill it")
                }
            } else {
                logger.warning(
                    "hopper \(coin): no ledger entry records its coins (\(stale) older payout or refill entries without counts); it counts as empty until a technician counts it and runs kioskctl cash refill")
            }
        }
        return await recordMissedPayouts(fold: fold, handler: handler, ledger: ledger, kioskID: kioskID, logger: logger)
    }

    /// Compares each hopper's payout counter with the ledger's and records what it paid unrecorded.
    private static func recordMissedPayouts(
        fold: HopperCountFold, handler: CCTalkCashHandler, ledger: DaemonLedger, kioskID: String, logger: Logger
    ) async -> Bool {
        let statuses = await handler.hopperStatusAtStart()
        var missed: [Money: Int] = [:]
        for coin in fold.coins.sorted() {
            guard let recorded = fold.counters[coin], let status = statuses[coin] else { continue }
            switch HopperPayoutAudit.compare(recordedCounter: recorded, status: status) {
            case .recorded: break
            case .unrecorded(let coins) where coins > 0: missed[coin] = coins
            case .unrecorded: break
            case .unknown(let reason):
                logger.warning("hopper \(coin): \(reason); its count \(fold.counts[coin] ?? 0) may be wrong: count the hopper and refill it")
            }
        }
        guard !missed.isEmpty else { return true }
        for (coin, coins) in missed {
            do throws(CashError) {
                try await handler.setHopperCount(coin, count: max(0, (fold.counts[coin] ?? 0) - coins))
            } catch {
                logger.error("hopper counts: \(error.description)")
            }
        }
        let amount = missed.reduce(Money.zero) { $0 + $1.key * $1.value }
        let coins = missed.keys.sorted().map { "\($0.won)×\(missed[$0]!)" }.joined(separator: " ")
        do throws(LedgerError) {
            let recent = try await ledger.tail(SessionMoneyRecovery.window)
            let sessionID = recent.last(where: { $0.record.sessionID != nil })?.record.sessionID
            let snapshot = await reference(handler)
            let refunding = try await ledger.openIssuances().last {
                $0.record.sessionID == sessionID && $0.record.kind == .refundStarted && $0.record.amount == amount
            }
            var records = [
                LedgerRecord(
                    kind: .cashDispensed, kioskID: kioskID, instant: LedgerInstant.now(), sessionID: sessionID, amount: amount,
                    paymentMethod: .cash, paymentReference: snapshot,
                    detail: refunding == nil ? "recovered at start: paid out per the hoppers' payout status (\(coins))" : "refund")
            ]
            if let refunding {
                var refunded = refunding.record
                refunded.kind = .refunded
                refunded.instant = LedgerInstant.now()
                refunded.detail = "recovered at start: paid out per the hoppers' payout status"
                records.append(refunded)
            }
            try await ledger.append(records)
            logger.warning("hoppers paid \(amount) (\(coins)) the ledger had not recorded (the last run stopped mid-payout): recorded now")
            return true
        } catch {
            logger.critical("hopper counts: a missed payout of \(amount) cannot be recorded: \(error.description)")
            return false
        }
    }
}
