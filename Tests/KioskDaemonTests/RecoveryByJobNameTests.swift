import Foundation
import KioskCore
import KioskDevices
import KioskLedger
import KioskPrinting
import KioskTestSupport
import Logging
import Testing

/// kioskd crashed after the printer accepted a job but before the `printing` entry was written: at the
/// next start recovery asks a real printer (ippeveprinter) for the job by its name, which carries the
/// issuance number, and records what happened to it instead of declaring a printed document unprinted.
@Suite("Recovery finds jobs by name", .serialized)
struct RecoveryByJobNameTests {
    func paidEntry(number: IssuanceNumber) -> LedgerRecord {
        LedgerRecord(
            kind: .paid, kioskID: "TEST-0001", instant: LedgerInstant(date: Date(), uptimeNanoseconds: 1), sessionID: UUID(), issuanceID: UUID(), documentCode: "LD-LAND",
            copies: 1, amount: Money(won: 500), paymentMethod: .card, paymentReference: "A-1", issuanceNumber: number)
    }

    @Test("paid, no printing entry, the printer completed a job under the issuance's name: printing + issued")
    func completedJobIsIssued() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let kiosk = try SessionKiosk(printerURI: peer.uri)
        try FileManager.default.createDirectory(atPath: kiosk.folder.path + "/state", withIntermediateDirectories: true)
        let number = try IssuanceNumber(kioskNumber: 1, sequence: 7)
        let ledger = try await Ledger.open(at: kiosk.ledgerPath)
        _ = try await ledger.append(paidEntry(number: number))
        let orphan = try await ledger.append(paidEntry(number: try IssuanceNumber(kioskNumber: 1, sequence: 8)))
        try ledger.close()

        // The job kioskd submitted just before it was killed.
        let printer = try IPPPrinter(
            configuration: IPPPrinterConfiguration(uri: peer.uri, pollInterval: .milliseconds(50)),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let rendered = try DocumentRenderer().render(SampleDocumentProvider.document(.landParcel, issuanceNumber: number.formatted))
        let name = PrintJobRequest.jobName(number: number, documentCode: "LD-LAND", copies: 1)
        let job = try await printer.submit(PrintJob(name: name, document: rendered.pdf, pages: rendered.pageCount, copies: 1))
        var state = try await printer.jobState(job)
        for _ in 0..<200 where !state.isTerminal {
            try await Task.sleep(for: .milliseconds(25))
            state = try await printer.jobState(job)
        }
        #expect(state == .completed)

        try await kiosk.start()
        #expect(await kiosk.stop() == 0)
        let entries = try await kiosk.entries()
        let found = entries.filter { $0.record.issuanceNumber == number }
        #expect(found.map(\.record.kind) == [.paid, .printing, .issued], "\(found.map(\.record.kind))")
        #expect(found.dropFirst().allSatisfy { $0.record.printerJobID == job.rawValue })
        #expect(found[1].record.detail?.contains("under this issuance's name") == true)
        // The other issuance never reached the printer: its refund is owed, as before.
        let other = entries.filter { $0.record.issuanceID == orphan.record.issuanceID }
        #expect(other.map(\.record.kind) == [.paid, .refundOwed])
    }
}
