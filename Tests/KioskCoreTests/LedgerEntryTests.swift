import Foundation
import KioskCore
import Testing

@Suite("Ledger entries and their hash chain")
struct LedgerEntryTests {
    static let instant = LedgerInstant(utcMilliseconds: 1_790_000_000_123, uptimeNanoseconds: 987_654_321)

    static func record(_ kind: LedgerEntryKind = .paid, code: String = "RES-COPY") throws -> LedgerRecord {
        LedgerRecord(
            kind: kind, kioskID: "kiosk-1", instant: instant, sessionID: UUID(), issuanceID: UUID(),
            documentCode: code, copies: 2, quote: try LedgerJSON(encoding: ["fee": 400, "copies": 2]),
            amount: Money(won: 800), paymentMethod: .card, paymentReference: "APPR-77", printerJobID: 5,
            issuanceNumber: try IssuanceNumber(kioskNumber: 1, sequence: 9), pdfSHA256: .of(Data("pdf".utf8)),
            residentReference: ResidentReference(residentNumberDigits: "9001011234568", secret: Data("s".utf8)),
            detail: "note")
    }

    static func chain(_ count: Int) throws -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        for index in 1...count {
            entries.append(LedgerEntry(
                sealing: try record(code: "DOC-\(index)"), sequence: Int64(index), entryID: UUID(),
                previousHash: entries.last?.entryHash ?? .zero))
        }
        return entries
    }

    @Test("sealing is deterministic and covers every field")
    func sealing() throws {
        let record = try Self.record()
        let id = UUID()
        let entry = LedgerEntry(sealing: record, sequence: 3, entryID: id, previousHash: .zero)
        #expect(entry.entryHash == LedgerEntry(sealing: record, sequence: 3, entryID: id, previousHash: .zero).entryHash)
        #expect(entry.computedHash == entry.entryHash)
        #expect(entry.chainProblem(after: nil) == .sequenceGap(expected: 1, found: 3))

        var variants: [LedgerRecord] = []
        func vary(_ change: (inout LedgerRecord) -> Void) {
            var copy = record
            change(&copy)
            variants.append(copy)
        }
        vary { $0.kind = .issued }
        vary { $0.kioskID = "kiosk-2" }
        vary { $0.sessionID = UUID() }
        vary { $0.issuanceID = nil }
        vary { $0.documentCode = "RES-COPZ" }
        vary { $0.copies = 3 }
        vary { $0.quote = try! LedgerJSON(text: #"{"fee":401}"#) }
        vary { $0.amount = Money(won: 801) }
        vary { $0.paymentMethod = .cash }
        vary { $0.paymentReference = "APPR-78" }
        vary { $0.printerJobID = 6 }
        vary { $0.issuanceNumber = try! IssuanceNumber(kioskNumber: 1, sequence: 10) }
        vary { $0.pdfSHA256 = nil }
        vary { $0.residentReference = nil }
        vary { $0.detail = "Note" }
        vary { $0.instant.utcMilliseconds += 1 }
        vary { $0.instant.uptimeNanoseconds += 1 }
        // An absent optional and an empty one must not collide.
        vary { $0.detail = nil }
        vary { $0.detail = "" }
        var hashes: Set<SHA256Hash> = [entry.entryHash]
        for variant in variants {
            hashes.insert(LedgerEntry(sealing: variant, sequence: 3, entryID: id, previousHash: .zero).entryHash)
        }
        hashes.insert(LedgerEntry(sealing: record, sequence: 4, entryID: id, previousHash: .zero).entryHash)
        hashes.insert(LedgerEntry(sealing: record, sequence: 3, entryID: UUID(), previousHash: .zero).entryHash)
        hashes.insert(LedgerEntry(sealing: record, sequence: 3, entryID: id, previousHash: .of(Data([1]))).entryHash)
        #expect(hashes.count == variants.count + 4)
    }

    @Test("the canonical encoding of a fixed entry is stable (golden hash)")
    func golden() throws {
        let record = LedgerRecord(
            kind: .paid, kioskID: "k", instant: LedgerInstant(utcMilliseconds: 1, uptimeNanoseconds: 2),
            amount: Money(won: 1_000))
        let id = try #require(UUID(uuidString: "00000000-0000-0000-0000-000000000001"))
        let bytes = LedgerEntry.canonicalBytes(record: record, sequence: 1, entryID: id, previousHash: .zero)
        // KLE1 | seq | id | prev | kind "paid" | kiosk "k" | 13 optional tags + the amount | utc | uptime
        #expect(bytes.count == 4 + 8 + 16 + 32 + (4 + 4) + (4 + 1) + 13 + 8 + 8 + 8)
        #expect(Array(bytes.prefix(4)) == Array("KLE1".utf8))
        let entry = LedgerEntry(sealing: record, sequence: 1, entryID: id, previousHash: .zero)
        #expect(entry.entryHash == SHA256Hash.of(bytes))
        #expect(entry.entryHash.hex.count == 64)
    }

    @Test("an intact chain verifies; an altered, reordered or missing entry is named")
    func chainChecks() throws {
        let entries = try Self.chain(5)
        var previous: LedgerEntry?
        for entry in entries {
            #expect(entry.chainProblem(after: previous) == nil)
            previous = entry
        }
        var altered = entries[2].record
        altered.amount = Money(won: 1)
        let tampered = LedgerEntry(
            stored: altered, sequence: 3, entryID: entries[2].entryID, previousHash: entries[2].previousHash,
            entryHash: entries[2].entryHash)
        #expect(tampered.chainProblem(after: entries[1]) == .contentHashMismatch(sequence: 3))
        #expect(entries[3].chainProblem(after: entries[1]) == .sequenceGap(expected: 3, found: 4))
        let resealed = LedgerEntry(sealing: altered, sequence: 3, entryID: UUID(), previousHash: entries[1].entryHash)
        #expect(entries[3].chainProblem(after: resealed) == .previousHashMismatch(sequence: 4))
        #expect(LedgerChainProblem.previousHashMismatch(sequence: 4).description.contains("entry 4"))
    }

    @Test("a resident reference is a keyed hash: no RRN inside, different per kiosk secret")
    func residentReference() {
        let rrn = "9001011234568"
        let one = ResidentReference(residentNumberDigits: rrn, secret: Data("kiosk-1".utf8))
        let again = ResidentReference(residentNumberDigits: rrn, secret: Data("kiosk-1".utf8))
        let other = ResidentReference(residentNumberDigits: rrn, secret: Data("kiosk-2".utf8))
        #expect(one == again && one != other)
        #expect(one.hex.count == 64 && !one.hex.contains(rrn))
        #expect(ResidentReference(hex: one.hex) == one)
        #expect(ResidentReference(hex: "12") == nil)
    }

    @Test("JSON quotes are fixed text with sorted keys; bad JSON is refused")
    func json() throws {
        struct Quote: Codable, Equatable { var zeta: Int; var alpha: String }
        let value = try LedgerJSON(encoding: Quote(zeta: 1, alpha: "a/b"))
        #expect(value.text == #"{"alpha":"a/b","zeta":1}"#)
        #expect(try value.decode(Quote.self) == Quote(zeta: 1, alpha: "a/b"))
        #expect(throws: LedgerJSONError.self) { try LedgerJSON(text: "{not json") }
    }

    @Test("entries survive Codable, kinds know which are terminal")
    func codableAndKinds() throws {
        let entries = try Self.chain(2)
        let decoded = try JSONDecoder().decode([LedgerEntry].self, from: JSONEncoder().encode(entries))
        #expect(decoded == entries)
        #expect(decoded.allSatisfy { $0.computedHash == $0.entryHash })
        #expect(LedgerEntryKind.all.count == 25, "15 kinds of the issue, 7 money movements, test-print, reprint-requested, feedback")
        #expect(Set(LedgerEntryKind.all.map(\.rawValue)).count == LedgerEntryKind.all.count)
        #expect(LedgerEntryKind.all.filter(\.isTerminal) == [.issued, .refunded, .refundOwed, .abandonedAfterIdentity])
        #expect(IssuanceState(lastEntryKind: .refundStarted) == .refunding)
        #expect(IssuanceState(lastEntryKind: .cashCollected) == nil)
    }
}
