import Foundation
import GRDB
import KioskCore
@testable import KioskLedger
import Testing

/// Schema upgrades: a ledger written with the v1 schema (its three per-entry indexes and the
/// per-entry open-issuance row) opens under v2 with every entry, every open issuance, every issuance
/// number and the same time queries; and v2's lean bookkeeping answers like a full scan would.
@Suite("Ledger schema upgrades and v2 bookkeeping")
struct LedgerMigrationTests {
    /// What a test wrote, to compare the ledger's answers with answers computed from the entries.
    struct Written {
        var entries: [LedgerEntry]
        var openIssuances: [UUID]
        var numbers: [IssuanceNumber]
    }

    /// 700 entries: issuances that end issued, refunded or refund-owed, issuances left open at every
    /// stage, money entries without an issuance, two kiosk numbers, and a clock set back by two days
    /// in the middle (so time and sequence disagree across time blocks).
    static func records() throws -> [LedgerRecord] {
        var records: [LedgerRecord] = []
        var clock: Int64 = 1_790_000_000_000
        var sequence: Int64 = 0
        func record(_ kind: LedgerEntryKind, _ issuance: UUID?, code: String, number: IssuanceNumber?, amount: Int? = nil) -> LedgerRecord {
            clock += 61_000
            if records.count == 333 { clock -= 2 * 86_400_000 }
            return LedgerRecord(
                kind: kind, kioskID: "kiosk-migration", instant: LedgerInstant(utcMilliseconds: clock, uptimeNanoseconds: clock * 10),
                sessionID: UUID(), issuanceID: issuance, documentCode: issuance == nil ? nil : code, copies: issuance == nil ? nil : 2,
                amount: amount.map { Money(won: $0) }, paymentMethod: amount == nil ? nil : .cash,
                printerJobID: kind == .printing ? records.count : nil, issuanceNumber: number)
        }
        let endings: [[LedgerEntryKind]] = [
            [.paid, .printing, .issued], [.paid, .printing, .failed, .refundStarted, .refunded],
            [.paid, .refundOwed], [.paid], [.paid, .printing], [.paid, .printing, .failed, .refundStarted],
            [.paid, .printing, .issued],
        ]
        var round = 0
        while records.count < 700 {
            let issuance = UUID()
            sequence += 1
            let number = try IssuanceNumber(kioskNumber: round % 4 == 0 ? 7 : 3, sequence: sequence)
            let code = ["RES-COPY", "RES-ABSTRACT", "FAMILY"][round % 3]
            // Only the last issuances of the ledger stay open; older ones all end.
            let kinds = records.count > 620 ? endings[round % endings.count] : endings[[0, 1, 2, 6][round % 4]]
            for kind in kinds {
                let amount: Int? = kind == .paid || kind == .refunded || kind == .refundOwed ? 400 * (round % 5 + 1) : nil
                records.append(record(kind, issuance, code: code, number: number, amount: amount))
            }
            if round % 5 == 0 { records.append(record(.cashCollected, nil, code: code, number: nil, amount: 10_000)) }
            round += 1
        }
        return records
    }

    /// Writes `records` into a new file at `path` with the schema as it was after `migration`, the way
    /// `Ledger.append` wrote entries then.
    static func writeWithOldSchema(_ records: [LedgerRecord], at path: String, upTo migration: String) throws -> [LedgerEntry] {
        let pool = try DatabasePool(path: path)
        try LedgerSchema.migrator.migrate(pool, upTo: migration)
        var previous = SHA256Hash.zero
        var entries: [LedgerEntry] = []
        for (index, record) in records.enumerated() {
            let entry = LedgerEntry(sealing: record, sequence: Int64(index + 1), entryID: UUID(), previousHash: previous)
            try pool.write { db in try db.execute(sql: LedgerRow.insertSQL, arguments: LedgerRow.arguments(of: entry)) }
            previous = entry.entryHash
            entries.append(entry)
        }
        let applied = try pool.read { db in try LedgerSchema.migrator.appliedMigrations(db) }
        #expect(applied.last == migration)
        try pool.close()
        return entries
    }

    static func written(_ entries: [LedgerEntry]) -> Written {
        var last: [UUID: LedgerEntry] = [:]
        var numbers: Set<IssuanceNumber> = []
        for entry in entries {
            if let id = entry.record.issuanceID { last[id] = entry }
            if let number = entry.record.issuanceNumber { numbers.insert(number) }
        }
        let open = last.values.filter { !$0.record.kind.isTerminal }.sorted { $0.sequence < $1.sequence }
        return Written(
            entries: entries, openIssuances: open.compactMap(\.record.issuanceID),
            numbers: numbers.sorted { $0.digits < $1.digits })
    }

    /// The ledger's answers to every query v2 changed, against answers computed from `written`.
    static func expectSameAnswers(_ ledger: Ledger, _ written: Written) async throws {
        let entries = written.entries
        #expect(try await ledger.count() == Int64(entries.count))
        #expect(try await ledger.entries(after: 0, limit: entries.count + 10) == entries)
        let verification = try await ledger.verify()
        #expect(verification.isIntact)
        #expect(verification.checkedEntries == Int64(entries.count))

        let open = try await ledger.openIssuances()
        #expect(open.compactMap(\.record.issuanceID) == written.openIssuances)
        for entry in open {
            let last = entries.last(where: { $0.record.issuanceID == entry.record.issuanceID })
            #expect(entry == last)
        }
        #expect(!written.openIssuances.isEmpty)

        for number in written.numbers {
            let expected = entries.filter { $0.record.issuanceNumber == number }
            #expect(try await ledger.entries(issuanceNumber: number) == expected)
        }
        for kiosk in [3, 7, 9] {
            let expected = written.numbers.filter { $0.kioskNumber == kiosk }.last
            #expect(try await ledger.lastIssuanceNumber(kioskNumber: kiosk) == expected)
        }

        let times = entries.map(\.record.instant.utcMilliseconds)
        let earliest = times.min()!, latest = times.max()!
        let day: Int64 = 86_400_000
        var from = earliest - day / 3
        while from <= latest {
            let to = from + day / 2
            let stats = try await ledger.documentStats(fromUTCMilliseconds: from, toUTCMilliseconds: to)
            #expect(stats == Self.stats(of: entries, from: from, to: to), "stats for [\(from), \(to))")
            let since = try await ledger.entries(after: 0, limit: entries.count + 10, fromUTCMilliseconds: from)
            #expect(since == entries.filter { $0.record.instant.utcMilliseconds >= from }, "entries since \(from)")
            let page = try await ledger.entries(after: 100, limit: 7, fromUTCMilliseconds: from)
            #expect(page == Array(entries.dropFirst(100).filter { $0.record.instant.utcMilliseconds >= from }.prefix(7)))
            from += day / 4
        }
    }

    /// Per-document figures computed from the entries themselves.
    static func stats(of entries: [LedgerEntry], from: Int64, to: Int64) -> [LedgerDocumentStats] {
        var byCode: [String: LedgerDocumentStats] = [:]
        for entry in entries {
            let record = entry.record
            guard let code = record.documentCode, record.instant.utcMilliseconds >= from, record.instant.utcMilliseconds < to else {
                continue
            }
            var stats = byCode[code] ?? LedgerDocumentStats(documentCode: code, issued: 0, copies: 0, paid: .zero, refunded: .zero, owed: .zero)
            let amount = record.amount ?? .zero
            switch record.kind {
            case .paid: stats.paid += amount
            case .issued:
                stats.issued += 1
                stats.copies += record.copies ?? 0
            case .refunded: stats.refunded += amount
            case .refundOwed: stats.owed += amount
            default: continue
            }
            byCode[code] = stats
        }
        return byCode.values.sorted { $0.documentCode < $1.documentCode }
    }

    @Test("a v1 ledger opens under v2 with every entry, open issuance, number and time query intact")
    func upgradeFromV1() async throws {
        let fixture = try LedgerFixture()
        let entries = try Self.writeWithOldSchema(try Self.records(), at: fixture.path, upTo: "v1-ledger")
        let written = Self.written(entries)

        // Read-only (kioskctl) cannot upgrade: it says so instead of reading a half-known schema.
        #expect(throws: LedgerError.corrupt(
            path: fixture.path, reason: "an older ledger schema (v1-ledger): open it read-write once (kioskd does at start) to upgrade it")
        ) { try Ledger(path: fixture.path, configuration: .init(readOnly: true)) }

        let ledger = try Ledger(path: fixture.path)
        let (applied, objects) = try await ledger.pool.read { db in
            (try LedgerSchema.migrator.appliedMigrations(db),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master ORDER BY name"))
        }
        #expect(applied == ["v1-ledger", "v2-lean-indexes"])
        #expect(!objects.contains("ledger_entry_by_number") && !objects.contains("ledger_entry_by_time"))
        #expect(!objects.contains("open_issuance_v2") && objects.contains("open_issuance"))
        #expect(try await ledger.durability().synchronous == 2)
        try await Self.expectSameAnswers(ledger, written)

        // The upgraded ledger keeps appending on the same chain, and its bookkeeping follows.
        let stillOpen = try #require(written.openIssuances.first)
        let closing = try await ledger.append(LedgerRecord(
            kind: .refundOwed, kioskID: "kiosk-migration", instant: LedgerInstant(utcMilliseconds: 1_800_000_000_000, uptimeNanoseconds: 1),
            issuanceID: stillOpen, documentCode: "RES-COPY", amount: Money(won: 400)))
        #expect(closing.sequence == Int64(entries.count + 1))
        #expect(closing.previousHash == entries.last!.entryHash)
        #expect(try await ledger.openIssuances().compactMap(\.record.issuanceID) == Array(written.openIssuances.dropFirst()))
        #expect(try await ledger.verify().isIntact)
        try ledger.close()

        // Opening again applies nothing twice.
        let again = try Ledger(path: fixture.path)
        #expect(try await again.count() == Int64(entries.count + 1))
        try again.close()
    }

    @Test("a ledger written through v2 answers time, number and recovery queries like a full scan")
    func freshV2Answers() async throws {
        let fixture = try LedgerFixture()
        let ledger = try Ledger(path: fixture.path)
        var entries: [LedgerEntry] = []
        let records = try Self.records()
        // Single appends and batches, so blocks are completed inside batches too.
        var index = 0
        while index < records.count {
            let size = [1, 1, 5, 40, 2][index % 5]
            entries += try await ledger.append(Array(records[index..<min(records.count, index + size)]))
            index += size
        }
        try await Self.expectSameAnswers(ledger, Self.written(entries))
        let blocks = try await ledger.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ledger_time_block") }
        #expect(blocks == records.count / Int(LedgerSchema.timeBlockSize))
    }

    @Test("the bookkeeping tables refuse UPDATE and DELETE like the entries")
    func bookkeepingIsAppendOnly() async throws {
        let fixture = try LedgerFixture()
        let ledger = try Ledger(path: fixture.path)
        let records = try Self.records()
        try await ledger.append(Array(records.prefix(300)))
        try ledger.close()
        let queue = try DatabaseQueue(path: fixture.path)
        for sql in [
            "UPDATE issuance_number SET issuance_id = NULL", "DELETE FROM issuance_number",
            "UPDATE ledger_time_block SET max_utc_ms = 0", "DELETE FROM ledger_time_block",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { db in try db.execute(sql: sql) } }
        }
        try queue.close()
    }

    @Test("an append writes few pages: the WAL grows by at most 4 frames per entry on average")
    func pagesPerAppend() async throws {
        let fixture = try LedgerFixture()
        let ledger = try Ledger(path: fixture.path)
        let records = try Self.records()
        try await ledger.append(Array(records.prefix(400)))
        try await ledger.checkpoint()
        let pageSize = try await ledger.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096 }
        // 90 single appends stay far below SQLite's automatic checkpoint (1,000 frames).
        for record in records[400..<490] { try await ledger.append(record) }
        let walSize = try #require(try FileManager.default.attributesOfItem(atPath: fixture.path + "-wal")[.size] as? Int)
        let frames = Double(walSize - 32) / Double(pageSize + 24)
        // v1 wrote 5.3 frames per append (entry, three indexes, the open-issuance row); v2 writes about 3.
        #expect(frames / 90 <= 4.0, "frames per append: \(frames / 90)")
        #expect(frames / 90 >= 1.0)
    }
}
