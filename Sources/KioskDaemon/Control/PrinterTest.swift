import KioskCore
import Foundation
import KioskControl
import KioskDevices
import KioskPrinting

/// The technician's test print through kioskd: a sample Korean document with a test issuance number
/// on the configured printer, followed until it completes, aborts or the timeout passes.
enum PrinterTest {
    static func run(printer: any DocumentPrinter, timeout: Duration) async -> PrinterTestReport {
        let number = SampleDocumentProvider.testIssuanceNumber
        var report = PrinterTestReport(outcome: "failed", reason: nil, job: nil, pages: nil, issuanceNumber: number, ledgerSequence: nil)
        let status = await printer.status()
        if status.state == .offline || status.state == .noDevice {
            report.outcome = "unreachable"
            report.reason = status.reason
            return report
        }
        let rendered: RenderedDocument
        do {
            rendered = try DocumentRenderer().render(SampleDocumentProvider.document(.residentRegistrationCopy))
        } catch {
            report.outcome = "render-failed"
            report.reason = "\(error)"
            return report
        }
        report.pages = rendered.pageCount
        let id: PrintJobID
        do {
            id = try await printer.submit(PrintJob(name: "test print \(number)", document: rendered.pdf, pages: rendered.pageCount))
        } catch {
            report.outcome = outcomeName(for: error)
            report.reason = error.description
            return report
        }
        report.job = id.rawValue
        let deadline = ContinuousClock.now + timeout
        var lastReasons: [String] = []
        while true {
            let state: PrintJobState
            do {
                state = try await printer.jobState(id)
            } catch {
                report.outcome = outcomeName(for: error)
                report.reason = error.description
                return report
            }
            switch state {
            case .completed:
                report.outcome = "completed"
                return report
            case .aborted(let reasons):
                report.outcome = reasons.contains("media-jam") ? "jam" : "aborted"
                report.reason = reasons.isEmpty ? "the printer aborted the job" : reasons.joined(separator: ", ")
                return report
            case .canceled:
                report.outcome = "canceled"
                return report
            case .held(let reasons):
                lastReasons = reasons
            default:
                break
            }
            if ContinuousClock.now >= deadline {
                try? await printer.cancel(id)
                let blocking = Set(lastReasons)
                report.outcome = blocking.contains("media-empty") || blocking.contains("media-needed") ? "no-paper"
                    : blocking.contains("cover-open") || blocking.contains("door-open") ? "cover-open" : "timeout"
                report.reason = "job not finished in time" + (lastReasons.isEmpty ? "" : " (held: \(lastReasons.joined(separator: ", ")))")
                    + "; canceled"
                return report
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    private static func outcomeName(for error: PrinterError) -> String {
        switch error {
        case .unreachable: "unreachable"
        case .busy: "busy"
        case .rejected, .unknownJob: "aborted"
        }
    }
}
