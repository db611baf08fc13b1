import Foundation
import GRDB
import KioskCore
import KioskLedger
import Testing

@Suite("Ledger on real SQLite files")
struct LedgerTests {
    @Test("the writer runs WAL with synchronous=FULL and foreign keys on")
    func writerPragmas() async throws {
        let fixture = try LedgerFixture()
        let ledger = try await Ledger.open(at: fixture.path)
        let durability = try await ledger.durability()
        #expect(durability.journalMode == "wal")
        #expect(durability.synchronous == 2)
        #expect(durability.foreignKeys)
        try ledger.close()
    }

    @Test("appended entries come back sealed, chained and in order")
    func appendAndRead() async throws {
        let fixture = try LedgerFixture()
        let ledger = try Ledger(path: fixture.path)
        let issuance = UUID()
        let number = try IssuanceNumber(kioskNumber: 42, sequence: 7)
        let first = try await ledger.append(LedgerFixture.record(.paid, issuance: issuance, amount: 1_000, number: number))
        let batch = try await ledger.append([
            LedgerFixture.record(.printing, issuance: issuance, number: number, jobID: 12, at: 5),
            LedgerFixture.record(.issued, issuance: issuance, number: number, jobID: 12, at: 9),
        ])
        #expect(first.sequence == 1)
        #expect(first.previousHash == .zero)
        #expect(batch.map(\.sequence) == [2, 3])
        #expect(batch[0].previousHash == first.entryHash)
        #expect(batch[1].previousHash == batch[0].entryHash)
        let all = try await ledger.entries(after: 0, limit: 10)
        #expect(all == [first] + batch)
        #expect(try await ledger.entries(issuanceNumber: number) == all)
        #expect(try await ledger.entries(issuanceID: issuance) == all)
        #expect(try await ledger.tail(2) == batch)
        #expect(try await ledger.lastIssuanceNumber(kioskNumber: 42) == number)
        #expect(try await ledger.lastIssuanceNumber(kioskNumber: 43) == nil)
        #expect(try await ledger.verify().isIntact)
    }

    @Test("an empty batch or an empty kiosk id is refused without writing")
    func invalidAppends() async throws {
        let fixture = try LedgerFixture()
        let ledger = try Ledger(path: fixture.path)
        await #expect(throws: LedgerError.invalidArgument("append of an empty batch")) { try await ledger.append([]) }
        var record = LedgerFixture.record(.paid)
        record.kioskID = ""
        await #expect(throws: LedgerError.self) { try await ledger.append(record) }
        #expect(try await ledger.count() == 0)
    }

    @Test("UPDATE and DELETE on entries are refused by triggers, and so is a sequence gap")
    func appendOnlyTriggers() async throws {
        let fixture = try LedgerFixture()
        let ledger = try Ledger(path: fixture.path)
        try await ledger.append([LedgerFixture.record(.paid, amount: 500), LedgerFixture.record(.cashCollected)])
        try ledger.close()

        let queue = try DatabaseQueue(path: fixture.path)
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE ledger_entry SET amount = 1 WHERE sequence = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "DELETE FROM ledger_entry WHERE sequence = 2") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO ledger_entry (sequence, entry_id, kiosk_id, kind, utc_ms, uptime_ns, previous_hash, entry_hash)
                    VALUES (5, 'x', 'k', 'paid', 0, 0, x'00', x'00')
                    """)
            }
        }
        let count = try await queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ledger_entry") }
        #expect(count == 2)
        try queue.close()
    }

    @Test("concurrent appends get gapless, unique sequence numbers and an intact chain")
    func concurrentAppends() async throws {
        let fixture = try LedgerFixture()
        let ledger = try Ledger(path: fixture.path)
        let sequences = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var mine: [Int64] = []
                    for index in 0..<25 {
                        let entries = try await ledger.append([
                            LedgerFixture.record(.paid, amount: 100, at: Int64(worker * 100 + index)),
                            LedgerFixture.record(.printing, at: Int64(worker * 100 + index)),
                        ])
                        #expect(entries[1].sequence == entries[0].sequence + 1)
                        mine += entries.map(\.sequence)
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(sequences.sorted() == Array(1...400))
        let verification = try await ledger.verify()
        #expect(verification.isIntact)
        #expect(verification.checkedEntries == 400)
    }

    @Test("recovery sees exactly the issuances whose last entry is not terminal")
    func openIssuances() async throws {
        let fixture = try LedgerFixture()
        let ledger = try Ledger(path: fixture.path)
        let done = UUID(), printing = UUID(), paidOnly = UUID(), refunding = UUID(), owed = UUID()
        try await ledger.append([
            LedgerFixture.record(.paid, issuance: done, amount: 1_000),
            LedgerFixture.record(.paid, issuance: printing, amount: 1_000),
            LedgerFixture.record(.paid, issuance: paidOnly, amount: 1_000),
            LedgerFixture.record(.paid, issuance: refunding, amount: 500),
            LedgerFixture.record(.paid, issuance: owed, amount: 500),
            LedgerFixture.record(.printing, issuance: done, jobID: 1),
            LedgerFixture.record(.printing, issuance: printing, jobID: 2),
            LedgerFixture.record(.issued, issuance: done, jobID: 1),
            LedgerFixture.record(.failed, issuance: refunding),
            LedgerFixture.record(.refundStarted, issuance: refunding, amount: 500),
            LedgerFixture.record(.failed, issuance: owed),
            LedgerFixture.record(.refundOwed, issuance: owed, amount: 500),
            LedgerFixture.record(.maintenanceOn, issuance: nil),
        ])
        let open = try await ledger.openIssuances()
        #expect(open.map(\.record.issuanceID) == [paidOnly, printing, refunding])
        #expect(open.map(\.record.kind) == [.paid, .printing, .refundStarted])
        #expect(open[1].record.printerJobID == 2)
    }

    @Test("stats per day count issued documents and money per document")
    func stats() async throws {
        let fixture = try LedgerFixture()
        let ledger = try Ledger(path: fixture.path)
        let a = UUID(), b = UUID()
        try await ledger.append([
            LedgerFixture.record(.paid, issuance: a, code: "A", amount: 1_000),
            LedgerFixture.record(.paid, issuance: b, code: "B", amount: 500),
            LedgerFixture.record(.issued, issuance: a, code: "A"),
            LedgerFixture.record(.refunded, issuance: b, code: "B", amount: 500),
            LedgerFixture.record(.paid, code: "A", amount: 700, at: 86_400_000),  // the next day
        ])
        let day = try await ledger.documentStats(fromUTCMilliseconds: 1_790_000_000_000, toUTCMilliseconds: 1_790_000_000_000 + 86_400_000)
        #expect(day.map(\.documentCode) == ["A", "B"])
        #expect(day[0].issued == 1 && day[0].copies == 1 && day[0].paid == Money(won: 1_000) && day[0].revenue == Money(won: 1_000))
        #expect(day[1].issued == 0 && day[1].refunded == Money(won: 500) && day[1].revenue == .zero)
    }

    @Test("reopening after close keeps every entry and the chain continues")
    func reopen() async throws {
        let fixture = try LedgerFixture()
        var ledger = try Ledger(path: fixture.path)
        let written = try await ledger.append((0..<20).map { LedgerFixture.record(.paid, amount: 100, at: Int64($0)) })
        try ledger.close()
        ledger = try Ledger(path: fixture.path)
        #expect(try await ledger.entries(after: 0, limit: 100) == written)
        let next = try await ledger.append(LedgerFixture.record(.cashCollected))
        #expect(next.sequence == 21)
        #expect(next.previousHash == written.last!.entryHash)
        #expect(try await ledger.verify().isIntact)
        #expect(try await ledger.durability().synchronous == 2)
        try ledger.close()
        let readOnly = try Ledger(path: fixture.path, configuration: .init(readOnly: true))
        #expect(try await readOnly.count() == 21)
    }
}
