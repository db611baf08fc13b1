import KioskCore
import KioskDevices
import KioskLedger
import KioskPayment
import Logging

/// The ledger as the source of truth for the coins in ccTalk hoppers (they only sense low/empty; the
/// count is the host's). Every cash entry carries the counts after its movement (`HopperLedgerCounts`
/// in `paymentReference`); at start, before the first session, the counts are folded back from the
/// newest entries and handed to the module with `setHopperCount`.
///
/// A coin no entry records (a ledger from before counts were recorded, or a hopper never refilled)
/// starts at 0 with a warning: the kiosk then offers "exact amount or card only" until a technician
/// counts the hopper and refills it, rather than promising change it may not have.
enum HopperCountRecovery {
    /// How many entries are read per step, newest first.
    static let page: Int64 = 2_000

    /// The counts to record with a cash entry now, if the module keeps host-side hopper counts.
    static func reference(_ cash: any CashHandler) async -> String? {
        guard let handler = cash as? CCTalkCashHandler else { return nil }
        return HopperLedgerCounts(await handler.hopperCounts()).reference
    }

    /// The counts to record with a refill of `coins`, before the refill is applied.
    /// - Throws: `CashError` naming a coin no hopper pays (nothing is recorded then).
    static func reference(_ cash: any CashHandler, afterRefill coins: [Money: Int]) async throws(CashError) -> String? {
        guard let handler = cash as? CCTalkCashHandler else { return nil }
        return HopperLedgerCounts(try await handler.hopperCounts(afterRefill: coins)).reference
    }

    /// Restores the hopper counts of a ccTalk module from the ledger. False when the ledger cannot be
    /// read (the counts then stay at 0: the kiosk promises no change it cannot prove).
    static func run(ledger: DaemonLedger, cash: any CashHandler, logger: Logger) async -> Bool {
        guard let handler = cash as? CCTalkCashHandler else { return true }
        let coins = Set(await handler.hopperCounts().keys)
        guard !coins.isEmpty else { return true }
        var fold = HopperCountFold(coins: coins)
        do throws(LedgerError) {
            let reader = try await ledger.readable()
            var upper = await ledger.head
            while upper > 0 && !fold.isComplete {
                let lower = max(0, upper - page)
                let entries = try await reader.entries(after: lower, limit: Int(upper - lower))
                fold.read(newestFirst: entries.reversed())
                upper = lower
            }
        } catch {
            logger.critical("hopper counts: the ledger cannot be read (\(error.description)); every hopper counts as empty")
            return false
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
        return true
    }
}
