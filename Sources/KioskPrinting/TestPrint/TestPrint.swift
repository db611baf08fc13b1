import KioskCore
public import KioskDevices

/// How a technician's test print ended.
public struct TestPrintOutcome: Sendable, Equatable, Codable {
    /// `completed`, or why not: `no-paper`, `jam`, `cover-open`, `toner-empty`, `not-ready`,
    /// `unreachable`, `busy`, `aborted`, `canceled`, `timeout`, `render-failed`.
    public var outcome: String
    /// Details for a technician.
    public var reason: String?
    /// The printer's job id, when a job was submitted.
    public var job: Int?
    /// Pages in the test document.
    public var pages: Int?
    /// The test issuance number printed on the document.
    public var issuanceNumber: String
}

/// The technician's test print: a sample Korean document with the test issuance number, checked
/// against the printer's status first, then followed until it completes, aborts or `timeout` passes
/// (a job still held then is cancelled). Used by `kioskctl printer test --uri` and by kioskd.
public enum TestPrint {
    /// Prints the test document on `printer`; `onHeld` hears the reasons each time a job is held anew.
    public static func run(
        on printer: any DocumentPrinter, timeout: Duration, onHeld: @Sendable ([String]) -> Void = { _ in }
    ) async -> TestPrintOutcome {
        let number = SampleDocumentProvider.testIssuanceNumber
        var outcome = TestPrintOutcome(outcome: "failed", reason: nil, job: nil, pages: nil, issuanceNumber: number)
        let status = await printer.status()
        if !status.canPrintDocuments {
            outcome.outcome = name(for: status)
            outcome.reason = status.reason
            return outcome
        }
        let rendered: RenderedDocument
        do {
            rendered = try DocumentRenderer().render(SampleDocumentProvider.document(.residentRegistrationCopy))
        } catch {
            outcome.outcome = "render-failed"
            outcome.reason = "\(error)"
            return outcome
        }
        outcome.pages = rendered.pageCount
        do throws(PrinterError) {
            let id = try await printer.submit(PrintJob(name: "test print \(number)", document: rendered.pdf, pages: rendered.pageCount))
            outcome.job = id.rawValue
            let deadline = ContinuousClock.now + timeout
            var last: PrintJobState?
            while true {
                let state = try await printer.jobState(id)
                if state != last, case .held(let reasons) = state { onHeld(reasons) }
                last = state
                switch state {
                case .completed:
                    outcome.outcome = "completed"
                    return outcome
                case .aborted(let reasons):
                    outcome.outcome = reasons.contains("media-jam") ? "jam" : "aborted"
                    outcome.reason = reasons.isEmpty ? "the printer aborted the job" : reasons.joined(separator: ", ")
                    return outcome
                case .canceled:
                    outcome.outcome = "canceled"
                    return outcome
                default:
                    break
                }
                if ContinuousClock.now >= deadline {
                    try? await printer.cancel(id)
                    if case .held(let reasons) = state {
                        let blocking = Set(reasons)
                        outcome.outcome = blocking.contains("media-empty") || blocking.contains("media-needed") ? "no-paper"
                            : blocking.contains("cover-open") || blocking.contains("door-open") ? "cover-open" : "timeout"
                        outcome.reason = "job held for \(timeout): \(reasons.joined(separator: ", ")); canceled"
                    } else {
                        outcome.outcome = "timeout"
                        outcome.reason = "job not finished within \(timeout); canceled"
                    }
                    return outcome
                }
                try? await Task.sleep(for: .milliseconds(100))
            }
        } catch {
            switch error {
            case .busy: outcome.outcome = "busy"
            case .unreachable: outcome.outcome = "unreachable"
            case .rejected, .unknownJob: outcome.outcome = "aborted"
            }
            outcome.reason = error.description
            return outcome
        }
    }

    private static func name(for status: DeviceStatus) -> String {
        if status.state == .offline || status.state == .noDevice { return "unreachable" }
        if status.details.jammed == true { return "jam" }
        if status.details.paper == .empty { return "no-paper" }
        if status.details.coverOpen == true { return "cover-open" }
        if status.details.toner == .empty { return "toner-empty" }
        return "not-ready"
    }
}
