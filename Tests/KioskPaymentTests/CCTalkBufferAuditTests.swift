import Foundation
import KioskCore
import KioskPayment
import Testing

/// Credits a device buffered that the ledger never recorded: counter arithmetic (1…255, wrapping to 1,
/// 0 only after a reset), the audit at start, the tracker of credits handed out but not yet recorded,
/// and the `coin@N bill@N` part of the ledger reference.
@Suite("ccTalk credits the ledger never saw")
struct CCTalkBufferAuditTests {
    static func result(_ a: UInt8, _ b: UInt8) -> CCTalkEventBuffer.Result { CCTalkEventBuffer.Result(a: a, b: b) }

    @Test("counters count 1…255 and skip 0 after a wrap", arguments: [
        (UInt8(17), UInt8(17), 0), (17, 19, 2), (0, 3, 3), (255, 1, 1), (254, 2, 3), (250, 249, 254), (1, 255, 254),
    ] as [(UInt8, UInt8, Int)])
    func distance(from: UInt8, to: UInt8, expected: Int) {
        #expect(CCTalkEventCounter.distance(from: from, to: to) == expected)
    }

    @Test("next and previous wrap between 255 and 1")
    func stepping() {
        #expect(CCTalkEventCounter.next(254) == 255)
        #expect(CCTalkEventCounter.next(255) == 1)
        #expect(CCTalkEventCounter.previous(1) == 255)
        #expect(CCTalkEventCounter.previous(2) == 1)
        #expect(CCTalkEventCounter.distance(from: CCTalkEventCounter.previous(1), to: 1) == 1)
    }

    @Test("the same counter: every event is in the ledger")
    func recorded() {
        #expect(CCTalkBufferAudit.compare(recordedCounter: 17, counter: 17, buffered: [Self.result(1, 1)]) == .recorded)
        #expect(CCTalkBufferAudit.compare(recordedCounter: 0, counter: 0, buffered: []) == .recorded)
    }

    @Test("two events after the ledger's counter are read from the buffer, oldest first, each with its counter")
    func unrecorded() {
        let buffered = [Self.result(2, 1), Self.result(1, 1), Self.result(1, 1), Self.result(0, 0), Self.result(0, 0)]
        #expect(CCTalkBufferAudit.compare(recordedCounter: 17, counter: 19, buffered: buffered) == .unrecorded(events: [
            .init(counter: 18, result: Self.result(1, 1)), .init(counter: 19, result: Self.result(2, 1)),
        ], lost: 0))
    }

    @Test("across the wrap: 254 recorded, counter 2 now: events 255, 1 and 2")
    func wrapAround() {
        let buffered = [Self.result(1, 1), Self.result(2, 1), Self.result(1, 1), Self.result(2, 1), Self.result(2, 1)]
        #expect(CCTalkBufferAudit.compare(recordedCounter: 254, counter: 2, buffered: buffered) == .unrecorded(events: [
            .init(counter: 255, result: Self.result(1, 1)), .init(counter: 1, result: Self.result(2, 1)), .init(counter: 2, result: Self.result(1, 1)),
        ], lost: 0))
    }

    @Test("a fresh device (ledger at 0): every event up to the counter")
    func fromZero() {
        let buffered = [Self.result(2, 1), Self.result(1, 1), Self.result(0, 0), Self.result(0, 0), Self.result(0, 0)]
        guard case .unrecorded(let events, 0) = CCTalkBufferAudit.compare(recordedCounter: 0, counter: 2, buffered: buffered) else {
            Issue.record("expected two unrecorded events")
            return
        }
        #expect(events.map(\.counter) == [1, 2])
    }

    @Test("more events than the buffer holds: its five are read, the rest counted as lost (also across the wrap)", arguments: [
        (UInt8(10), UInt8(18), 3), (UInt8(250), UInt8(4), 4), (UInt8(255), UInt8(6), 1),
    ] as [(UInt8, UInt8, Int)])
    func lost(recorded: UInt8, counter: UInt8, lost: Int) {
        let buffered = (1...5).map { Self.result(UInt8($0), 1) }
        guard case .unrecorded(let events, let missing) = CCTalkBufferAudit.compare(recordedCounter: recorded, counter: counter, buffered: buffered) else {
            Issue.record("expected unrecorded events")
            return
        }
        #expect(missing == lost)
        #expect(events.count == 5)
        #expect(events.last?.counter == counter)
        #expect(events.map(\.result.a) == [5, 4, 3, 2, 1], "oldest first")
        #expect(events.first.map { CCTalkEventCounter.distance(from: recorded, to: $0.counter) } == lost + 1)
    }

    @Test("a device reset (counter 0) proves nothing")
    func reset() {
        #expect(CCTalkBufferAudit.compare(recordedCounter: 42, counter: 0, buffered: []) == .deviceReset(recordedCounter: 42))
    }

    @Test("an entry records the counter just before the oldest credit not yet recorded")
    func tracker() {
        var tracker = CCTalkCreditTracker()
        #expect(tracker.ledgerCounter() == nil, "not polled yet")
        tracker.polled(7)
        #expect(tracker.ledgerCounter() == 7)
        tracker.polled(10, credits: [8, 10])  // event 9 was a rejected coin
        #expect(tracker.ledgerCounter() == 7)
        #expect(tracker.ledgerCounter(recording: 8) == 9, "the entry for credit 8 covers up to the next credit")
        tracker.recorded(8)
        #expect(tracker.ledgerCounter() == 9)
        #expect(tracker.ledgerCounter(recording: 10) == 10)
        tracker.recorded(10)
        #expect(tracker.ledgerCounter() == 10)
        tracker.polled(255)
        tracker.polled(1, credits: [1])  // across the wrap
        #expect(tracker.ledgerCounter() == 255)
        #expect(CCTalkEventCounter.distance(from: tracker.ledgerCounter()!, to: 1) == 1, "the credit shows again at start")
        tracker.recorded(99)  // unknown: nothing changes
        #expect(tracker.pending == [1])

        var fresh = CCTalkCreditTracker()
        fresh.polled(0)
        fresh.polled(2, credits: [1, 2])
        #expect(fresh.ledgerCounter() == 0, "a fresh device: before its first event")
    }

    @Test("the reference carries coin@N bill@N after the hoppers; older references still parse")
    func reference() {
        let coin100 = Money(won: 100)
        let counts = HopperLedgerCounts([coin100: 37], counters: [coin100: 4], coinCounter: 17, billCounter: 255)
        #expect(counts.reference == "hoppers 100=37@4 coin@17 bill@255")
        #expect(HopperLedgerCounts(reference: counts.reference) == counts)
        let old = HopperLedgerCounts(reference: "hoppers 100=37@4")
        #expect(old?.counts == [coin100: 37] && old?.coinCounter == nil && old?.billCounter == nil)
        #expect(HopperLedgerCounts(reference: "hoppers coin@3")?.coinCounter == 3, "a module without hoppers")
        #expect(HopperLedgerCounts([:], coinCounter: 0).reference == "hoppers coin@0")
    }

    @Test("malformed acceptor counters are not a hopper record", arguments: [
        "hoppers coin@", "hoppers coin@256", "hoppers coin@x", "hoppers coin@1 coin@2", "hoppers bill@1 bill@1", "hoppers 100=5 bill@-1",
    ])
    func malformed(reference: String) {
        #expect(HopperLedgerCounts(reference: reference) == nil)
    }

    @Test("the newest entry with a counter wins; entries without one are skipped")
    func fold() {
        func entry(_ sequence: Int64, _ reference: String?) -> LedgerEntry {
            let record = LedgerRecord(
                kind: .cashInserted, kioskID: "TEST-0001", instant: LedgerInstant(utcMilliseconds: sequence * 1000, uptimeNanoseconds: 0),
                amount: Money(won: 100), paymentMethod: .cash, paymentReference: reference)
            return LedgerEntry(sealing: record, sequence: sequence, entryID: UUID(), previousHash: .zero)
        }
        var fold = CreditCounterFold(coinAcceptor: true, billValidator: true)
        fold.read(newestFirst: [entry(5, "hoppers 100=3"), entry(4, "hoppers 100=3 coin@9")])
        #expect(fold.coinCounter == 9 && fold.billCounter == nil && !fold.isComplete)
        fold.read(newestFirst: [entry(3, "hoppers 100=3 coin@8 bill@2"), entry(2, "hoppers 100=3 coin@7 bill@1")])
        #expect(fold.coinCounter == 9 && fold.billCounter == 2 && fold.isComplete)
        var coinsOnly = CreditCounterFold(coinAcceptor: true, billValidator: false)
        coinsOnly.read(newestFirst: [entry(1, "hoppers coin@4 bill@6")])
        #expect(coinsOnly.isComplete && coinsOnly.billCounter == nil)
    }
}
