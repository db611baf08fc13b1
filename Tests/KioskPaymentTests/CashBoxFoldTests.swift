import Foundation
import KioskCore
import KioskPayment
import Testing

/// What the cash box holds comes back from the ledger: everything taken in since the last collection.
@Suite("cash box from the ledger")
struct CashBoxFoldTests {
    private static let denominations: Set<Money> = Set([100, 500, 1000, 5000, 10000].map(Money.init(won:)))

    private static func chain(_ records: [(LedgerEntryKind, Int?)]) -> [LedgerEntry] {
        var previous = SHA256Hash.zero
        return records.enumerated().map { index, item in
            let record = LedgerRecord(
                kind: item.0, kioskID: "TEST-0001", instant: LedgerInstant(utcMilliseconds: Int64(index) * 1000, uptimeNanoseconds: 0),
                amount: item.1.map(Money.init(won:)), paymentMethod: .cash)
            let entry = LedgerEntry(sealing: record, sequence: Int64(index + 1), entryID: UUID(), previousHash: previous)
            previous = entry.entryHash
            return entry
        }
    }

    @Test("coins and notes since the last collection, by denomination; payouts and returns are not in the box")
    func sinceLastCollection() {
        let entries = Self.chain([
            (.cashStacked, 10000), (.cashInserted, 500),
            (.cashCollected, 10500),
            (.cashStacked, 5000), (.paid, 800), (.cashDispensed, 4200),
            (.cashReturned, 1000), (.cashInserted, 100), (.cashInserted, 100), (.cashStacked, 5000), (.cashOwed, 200),
        ])
        var fold = CashBoxFold(denominations: Self.denominations)
        fold.read(newestFirst: entries.reversed())
        #expect(fold.isComplete)
        #expect(fold.counts == [Money(won: 5000): 2, Money(won: 100): 2])
        #expect(fold.total == Money(won: 10200))
        #expect(fold.unattributed == .zero)
    }

    @Test("never collected: the whole ledger; an amount that is no single coin or note is kept apart")
    func neverCollected() {
        let entries = Self.chain([(.cashStacked, 1000), (.cashStacked, 3000), (.cashInserted, 500)])
        var fold = CashBoxFold(denominations: Self.denominations)
        fold.read(newestFirst: entries[1...].reversed())
        fold.read(newestFirst: entries[..<1].reversed())
        #expect(!fold.isComplete)
        #expect(fold.counts == [Money(won: 1000): 1, Money(won: 500): 1])
        #expect(fold.unattributed == Money(won: 3000))
        #expect(fold.total == Money(won: 4500))
    }

    @Test func stopsAtTheCollection() {
        let entries = Self.chain([(.cashStacked, 1000), (.cashCollected, 1000)])
        var fold = CashBoxFold(denominations: Self.denominations)
        fold.read(newestFirst: entries.reversed())
        #expect(fold.isComplete && fold.counts.isEmpty && fold.total == .zero)
    }
}
