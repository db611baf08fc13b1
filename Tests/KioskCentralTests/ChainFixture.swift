import Foundation
import KioskCore
import KioskSync

/// Builds real hash-chained ledger entries for a kiosk: each issuance is paid → printing → issued, with
/// an issuance number on `printing`.
struct ChainFixture {
    let kioskID: String
    let kioskNumber: Int
    let key = KioskSigningKey()
    private(set) var entries: [LedgerEntry] = []
    private var issuances: Int64 = 0
    /// 2025-11-20 10:00 KST in UTC milliseconds.
    static let baseMilliseconds: Int64 = 1_763_600_400_000

    init(kioskID: String, kioskNumber: Int) {
        self.kioskID = kioskID
        self.kioskNumber = kioskNumber
    }

    var lastHash: SHA256Hash { entries.last?.entryHash ?? .zero }

    mutating func append(_ record: LedgerRecord) {
        let entry = LedgerEntry(sealing: record, sequence: Int64(entries.count + 1), entryID: UUID(), previousHash: lastHash)
        entries.append(entry)
    }

    /// Adds one full issuance (3 entries, 4 when it failed and was refunded) and returns its number. Like
    /// the kiosk's (`IssuanceSession`), every entry carries the number, assigned when payment completes.
    @discardableResult
    mutating func issue(document: String = "RESIDENT-COPY", won: Int = 200, failed: Bool = false) -> IssuanceNumber {
        issuances += 1
        let number = try! IssuanceNumber(kioskNumber: kioskNumber, sequence: issuances)
        let issuance = UUID()
        let time = Self.baseMilliseconds + Int64(entries.count) * 1000
        func instant(_ offset: Int64) -> LedgerInstant { LedgerInstant(utcMilliseconds: time + offset, uptimeNanoseconds: (time + offset) * 1000) }
        append(LedgerRecord(kind: .paid, kioskID: kioskID, instant: instant(0), issuanceID: issuance, documentCode: document, copies: 1,
                            amount: Money(won: won), paymentMethod: .cash, issuanceNumber: number))
        append(LedgerRecord(kind: .printing, kioskID: kioskID, instant: instant(1), issuanceID: issuance, documentCode: document, copies: 1,
                            printerJobID: Int(issuances), issuanceNumber: number, pdfSHA256: SHA256Hash.of(Array("pdf \(number.digits)".utf8))))
        if failed {
            append(LedgerRecord(kind: .failed, kioskID: kioskID, instant: instant(2), issuanceID: issuance, documentCode: document, issuanceNumber: number, detail: "jam"))
            append(LedgerRecord(kind: .refunded, kioskID: kioskID, instant: instant(3), issuanceID: issuance, documentCode: document,
                                amount: Money(won: won), paymentMethod: .cash, issuanceNumber: number))
        } else {
            append(LedgerRecord(kind: .issued, kioskID: kioskID, instant: instant(2), issuanceID: issuance, documentCode: document, copies: 1, issuanceNumber: number))
        }
        return number
    }

    /// A signed batch of entries `range` (1-based sequences).
    func batch(_ range: ClosedRange<Int>, signer: KioskSigningKey? = nil) -> LedgerBatch {
        let slice = Array(entries[(range.lowerBound - 1)...(range.upperBound - 1)])
        return (signer ?? key).signedBatch(kioskID: kioskID, previousHash: slice[0].previousHash, entries: slice)
    }

    var registration: CentralKioskRegistration {
        CentralKioskRegistration(id: kioskID, publicKey: key.publicKey.base64)
    }
}

/// What tests register.
struct CentralKioskRegistration {
    var id: String
    var publicKey: String
}
