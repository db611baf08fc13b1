import Foundation
import KioskCore
import KioskPayment
import Testing

/// Hopper counts go into the ledger with every cash entry and come back from it at start.
@Suite("hopper counts in the ledger")
struct HopperCountFoldTests {
    private static let coin100 = Money(won: 100)
    private static let coin500 = Money(won: 500)

    /// A chain of entries, oldest first, numbered from 1.
    private static func chain(_ records: [(LedgerEntryKind, String?)]) -> [LedgerEntry] {
        var previous = SHA256Hash.zero
        return records.enumerated().map { index, item in
            let record = LedgerRecord(
                kind: item.0, kioskID: "TEST-0001", instant: LedgerInstant(utcMilliseconds: Int64(index) * 1000, uptimeNanoseconds: 0),
                amount: Money(won: 100), paymentMethod: .cash, paymentReference: item.1)
            let entry = LedgerEntry(sealing: record, sequence: Int64(index + 1), entryID: UUID(), previousHash: previous)
            previous = entry.entryHash
            return entry
        }
    }

    private static func fold(_ entries: [LedgerEntry], coins: Set<Money> = [coin100, coin500]) -> HopperCountFold {
        var fold = HopperCountFold(coins: coins)
        fold.read(newestFirst: entries.reversed())
        return fold
    }

    @Test func referenceRoundTrips() {
        let counts = HopperLedgerCounts([Self.coin500: 12, Self.coin100: 37])
        #expect(counts.reference == "hoppers 100=37 500=12")
        #expect(HopperLedgerCounts(reference: counts.reference) == counts)
        #expect(HopperLedgerCounts(reference: "hoppers 100=0")?.counts == [Self.coin100: 0])
        let counted = HopperLedgerCounts([Self.coin500: 12, Self.coin100: 37], counters: [Self.coin500: 255, Self.coin100: 0, Money(won: 50): 3])
        #expect(counted.reference == "hoppers 100=37@0 500=12@255", "a counter without a count is dropped")
        #expect(HopperLedgerCounts(reference: counted.reference) == counted)
        #expect(HopperLedgerCounts(reference: "hoppers 100=37@4 500=12")?.counters == [Self.coin100: 4])
    }

    @Test("other references are not hopper counts", arguments: [
        nil, "", "hoppers", "hoppers ", "counters box=1000 out=200", "A12345678", "hoppers 100=-1", "hoppers 100=x",
        "hoppers 0=5", "hoppers 100=5 100=6", "hoppers 100:5", "hoppersX 100=5", "hoppers 100=5@256", "hoppers 100=5@",
        "hoppers 100=5@1@2", "hoppers 100=@3",
    ])
    func rejects(reference: String?) {
        #expect(HopperLedgerCounts(reference: reference) == nil)
    }

    @Test("the newest entry that records a coin wins, coin by coin")
    func newestWins() {
        let entries = Self.chain([
            (.cashRefilled, "hoppers 100=200 500=100"),
            (.cashStacked, "hoppers 100=200 500=100"),
            (.cashDispensed, "hoppers 100=198@7 500=92@3"),
            (.paid, nil),
            (.cashRefilled, "hoppers 100=248"),  // only the 100 won hopper is recorded here, without its counter
            (.issued, nil),
        ])
        let fold = Self.fold(entries)
        #expect(fold.isComplete && fold.missing.isEmpty)
        #expect(fold.counts == [Self.coin100: 248, Self.coin500: 92])
        #expect(fold.sources == [Self.coin100: 5, Self.coin500: 3])
        #expect(fold.counters == [Self.coin500: 3], "the counter comes from the same entry as the count")
        #expect(fold.unrecordedMovements == [Self.coin100: 0, Self.coin500: 0])
    }

    @Test("an old ledger without counts: every coin missing, its movements counted")
    func legacyLedger() {
        let entries = Self.chain([(.cashRefilled, nil), (.cashStacked, nil), (.cashDispensed, nil), (.cardApproved, "A0001")])
        let fold = Self.fold(entries)
        #expect(!fold.isComplete)
        #expect(fold.missing == [Self.coin100, Self.coin500])
        #expect(fold.counts.isEmpty)
        #expect(fold.unrecordedMovements == [Self.coin100: 2, Self.coin500: 2])
    }

    @Test("old entries before the first counted one do not matter; uncounted ones after it are reported")
    func mixedLedger() {
        let entries = Self.chain([
            (.cashDispensed, nil), (.cashRefilled, nil),
            (.cashRefilled, "hoppers 100=50 500=20"),
            (.cashDispensed, nil),  // a downgraded kioskd wrote this one
        ])
        let fold = Self.fold(entries)
        #expect(fold.counts == [Self.coin100: 50, Self.coin500: 20])
        #expect(fold.unrecordedMovements == [Self.coin100: 1, Self.coin500: 1])
    }

    @Test("read in pages, newest page first, it gives the same result and stops once complete")
    func pages() {
        var records: [(LedgerEntryKind, String?)] = [(.cashRefilled, "hoppers 500=7")]
        records += Array(repeating: (.issued, nil), count: 10)
        records += [(.cashDispensed, "hoppers 100=3 500=6")] + Array(repeating: (.issued, nil), count: 10)
        records += [(.cashRefilled, "hoppers 100=40")]
        let entries = Self.chain(records)
        var fold = HopperCountFold(coins: [Self.coin100, Self.coin500])
        var upper = entries.count
        var pagesRead = 0
        while upper > 0 && !fold.isComplete {
            let lower = max(0, upper - 5)
            fold.read(newestFirst: entries[lower..<upper].reversed())
            pagesRead += 1
            upper = lower
        }
        #expect(fold.counts == [Self.coin100: 40, Self.coin500: 6])
        #expect(fold.sources == [Self.coin100: 23, Self.coin500: 12])
        #expect(pagesRead == 3, "entry 12 is in the third page from the end; the refill at entry 1 is never read")
        #expect(fold == Self.fold(entries))
    }

    @Test func coinsWithoutAHopperAreIgnored() {
        let fold = Self.fold(Self.chain([(.cashRefilled, "hoppers 50=9 100=4")]), coins: [Self.coin100])
        #expect(fold.counts == [Self.coin100: 4])
        #expect(fold.isComplete)
    }

    @Test("the hopper's payout counter against the ledger's", arguments: [
        (UInt8(4), CCTalkHopperStatus(eventCounter: 4, coinsRemaining: 0, lastPaid: 8, lastUnpaid: 0), HopperPayoutAudit.recorded),
        (4, CCTalkHopperStatus(eventCounter: 5, coinsRemaining: 0, lastPaid: 8, lastUnpaid: 0), .unrecorded(coins: 8)),
        (255, CCTalkHopperStatus(eventCounter: 1, coinsRemaining: 0, lastPaid: 3, lastUnpaid: 2), .unrecorded(coins: 3)),
        (0, CCTalkHopperStatus(eventCounter: 1, coinsRemaining: 0, lastPaid: 0, lastUnpaid: 6), .unrecorded(coins: 0)),
        (4, CCTalkHopperStatus(eventCounter: 0, coinsRemaining: 0, lastPaid: 0, lastUnpaid: 0),
         .unknown(reason: "the hopper was reset (event counter 0, the ledger has 4)")),
        (4, CCTalkHopperStatus(eventCounter: 6, coinsRemaining: 0, lastPaid: 1, lastUnpaid: 0),
         .unknown(reason: "the hopper's event counter is 6, the ledger has 4: more than one payout is unrecorded")),
    ])
    func audit(recorded: UInt8, status: CCTalkHopperStatus, expected: HopperPayoutAudit) {
        #expect(HopperPayoutAudit.compare(recordedCounter: recorded, status: status) == expected)
    }

    @Test func anEmptyLedgerRestoresNothing() {
        let fold = Self.fold([])
        #expect(fold.counts.isEmpty && fold.missing == [Self.coin100, Self.coin500])
        #expect(fold.unrecordedMovements == [Self.coin100: 0, Self.coin500: 0])
    }
}
