import Foundation
import KioskCore
import KioskLedger

/// A temporary directory holding one ledger file, removed when the test is done.
struct LedgerFixture: ~Copyable {
    let directory: URL
    let path: String

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kiosk-ledger-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("ledger.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A record of `kind` for `issuance` of document `code`, at a fixed instant plus `offset` ms.
    static func record(
        _ kind: LedgerEntryKind, issuance: UUID? = UUID(), code: String = "RES-COPY", amount: Int? = nil,
        number: IssuanceNumber? = nil, jobID: Int? = nil, at offset: Int64 = 0
    ) -> LedgerRecord {
        LedgerRecord(
            kind: kind, kioskID: "kiosk-test", instant: LedgerInstant(utcMilliseconds: 1_790_000_000_000 + offset, uptimeNanoseconds: 5_000 + offset),
            sessionID: UUID(), issuanceID: issuance, documentCode: code, copies: 1,
            amount: amount.map { Money(won: $0) }, paymentMethod: amount == nil ? nil : .cash,
            printerJobID: jobID, issuanceNumber: number)
    }
}
