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
/// Coins and notes the acceptor or validator credited in its event buffer after the last entry's
/// counters (`coin@N bill@N`) were never recorded: the host died before polling them, or a resident
/// fed the acceptor it left enabled while it was down. They are read from the buffers once at start
/// (`CCTalkBufferAudit`) and recorded as `cash-inserted` without a session, so the cash box holds them.
/// More events than the five-event buffer holds: what is there is recorded and an error says how many
/// could not be read. A device reset (counter 0): a warning, nothing is credited.
///
/// A coin no entry records (a ledger from before counts were recorded, or a hopper never refilled)
/// starts at 0 with a warning: the kiosk then offers "exact amount or card only" until a technician
/// counts the hopper and refills it, rather than promising change it may not have.
enum CCTalkCashRecovery {
    /// How many entries are read per step, newest first.
    static let page: Int64 = 2_000

    /// The counts to record with a cash entry now, if the module keeps host-side hopper counts, with
    /// the acceptor's and validator's event counters up to which every credit is recorded (`credit`:
    /// the one this entry records).
    static func reference(_ cash: any CashHandler, recording credit: CCTalkCredit? = nil) async -> String? {
        guard let handler = cash as? CCTalkCashHandler else { return nil }
        return await snapshot(handler, counts: await handler.hopperCounts(), recording: credit)
    }

    /// The counts to record with a refill of `coins`, before the refill is applied.
    /// - Throws: `CashError` naming a coin no hopper pays (nothing is recorded then).
    static func reference(_ cash: any CashHandler, afterRefill coins: [Money: Int]) async throws(CashError) -> String? {
        guard let handler = cash as? CCTalkCashHandler else { return nil }
        return await snapshot(handler, counts: try await handler.hopperCounts(afterRefill: coins), recording: nil)
    }

    private static func snapshot(_ handler: CCTalkCashHandler, counts: [Money: Int], recording credit: CCTalkCredit?) async -> String {
        let events = await handler.ledgerEventCounters(recording: credit)
        return HopperLedgerCounts(counts, counters: await handler.hopperPayoutCounters(), coinCounter: events.coin, billCounter: events.bill).reference
    }

    /// The ccTalk credit a cash event carries (a coin or an unsolicited stack with its event counter).
    static func credit(of event: CashEvent) -> CCTalkCredit? {
        switch event {
        case .coinAccepted(_, let counter?): .coin(counter: counter)
        case .noteStackedWithoutCommand(_, let counter?): .note(counter: counter)
        default: nil
        }
    }

    /// The credit of the note the last `stackEscrow()` stacked, on a ccTalk module.
    static func stackedNote(_ cash: any CashHandler) async -> CCTalkCredit? {
        guard let handler = cash as? CCTalkCashHandler else { return nil }
        return await handler.lastStackedNote()
    }

    /// Tells a ccTalk module that the entry for `credit` is written.
    static func recorded(_ cash: any CashHandler, _ credit: CCTalkCredit?) async {
        guard let credit, let handler = cash as? CCTalkCashHandler else { return }
        await handler.creditRecorded(credit)
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
        let configuration = await handler.configuration
        var credits = CreditCounterFold(coinAcceptor: configuration.coinAcceptor != nil, billValidator: configuration.billValidator != nil)
        do throws(LedgerError) {
            let reader = try await ledger.readable()
            var upper = await ledger.head
            while upper > 0 && !(fold.isComplete && box.isComplete && credits.isComplete) {
                let lower = max(0, upper - page)
                let entries = try await reader.entries(after: lower, limit: Int(upper - lower))
                fold.read(newestFirst: entries.reversed())
                box.read(newestFirst: entries.reversed())
                credits.read(newestFirst: entries.reversed())
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
        let payouts = await recordMissedPayouts(fold: fold, handler: handler, ledger: ledger, kioskID: kioskID, logger: logger)
        let found = await recordUnpolledCredits(credits, box: box, handler: handler, ledger: ledger, kioskID: kioskID, logger: logger)
        return payouts && found
    }

    /// Reads the acceptor's and validator's buffers as `start()` found them against the ledger's
    /// counters and records the credits no entry holds.
    private static func recordUnpolledCredits(
        _ credits: CreditCounterFold, box: CashBoxFold, handler: CCTalkCashHandler, ledger: DaemonLedger, kioskID: String, logger: Logger
    ) async -> Bool {
        let buffers = await handler.eventBuffersAtStart()
        let configuration = await handler.configuration
        var found: [(value: Money, what: String)] = []
        if let config = configuration.coinAcceptor, let buffer = buffers.coin {
            let events = audit("coin acceptor", recorded: credits.coinCounter, buffer: buffer, logger: logger)
            for event in events {
                guard case .credit(let channel, _) = CCTalkCoinEvent(event.result) else { continue }
                guard let value = config.channels[channel] else {
                    logger.error("coin acceptor: event \(event.counter) credited channel \(channel), which has no configured value: count the cash box")
                    continue
                }
                found.append((value, "coin \(value), coin acceptor event \(event.counter)"))
            }
        }
        if let config = configuration.billValidator, let buffer = buffers.bill {
            let events = audit("bill validator", recorded: credits.billCounter, buffer: buffer, logger: logger)
            // A note stacked straight from escrow reports only its stacking; its type is in the event.
            for event in events {
                guard case .stacked(let type) = CCTalkBillEvent(event.result) else { continue }
                guard let value = config.billTypes[type] else {
                    logger.error("bill validator: event \(event.counter) stacked bill type \(type), which has no configured value: count the cash box")
                    continue
                }
                found.append((value, "note \(value), bill validator event \(event.counter)"))
            }
        }
        guard !found.isEmpty else { return true }
        let snapshot = await reference(handler)
        let records = found.map { credit in
            LedgerRecord(
                kind: .cashInserted, kioskID: kioskID, instant: LedgerInstant.now(), sessionID: nil, amount: credit.value,
                paymentMethod: .cash, paymentReference: snapshot,
                detail: "found at start: credited before a restart, never recorded (\(credit.what))")
        }
        let total = found.reduce(Money.zero) { $0 + $1.value }
        do throws(LedgerError) {
            try await ledger.append(records)
        } catch {
            logger.critical("cash: \(total) credited before the restart cannot be recorded: \(error.description)")
            return false
        }
        var counts = box.counts
        for credit in found { counts[credit.value, default: 0] += 1 }
        do throws(CashError) {
            try await handler.restoreCashBox(counts)
        } catch {
            logger.error("cash box: \(error.description)")
        }
        logger.warning(
            "cash: \(total) credited by the devices before the restart was never recorded (\(found.map(\.what).joined(separator: "; "))): recorded now, in the cash box")
        return true
    }

    /// The events in `buffer` after the ledger's counter `recorded`, oldest first, with the warnings
    /// and errors they call for.
    private static func audit(_ name: String, recorded: UInt8?, buffer: CCTalkEventBuffer.Update, logger: Logger) -> [CCTalkBufferAudit.Event] {
        guard let recorded else {
            if buffer.counter != 0 {
                logger.notice("\(name): no ledger entry records its event counter (a new kiosk or an older kioskd); its buffered events (counter \(buffer.counter)) are not credited")
            }
            return []
        }
        switch CCTalkBufferAudit.compare(recordedCounter: recorded, counter: buffer.counter, buffered: buffer.buffered) {
        case .recorded:
            return []
        case .deviceReset(let recordedCounter):
            logger.warning(
                "\(name) was reset (event counter 0, the ledger has \(recordedCounter)): what it took after the last entry cannot be proved and is not credited; count the cash box")
            return []
        case .unrecorded(let events, let lost):
            if lost > 0 {
                logger.error(
                    "\(name): \(lost) events after the ledger's counter \(recorded) could not be read (the buffer holds five): money may be in the cash box that the ledger does not record; count the cash box")
            }
            return events
        }
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
