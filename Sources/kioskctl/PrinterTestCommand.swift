import KioskCore
import ArgumentParser
import Foundation
import KioskControl
import KioskDevices
import KioskPrinting
import Logging

/// `kioskctl printer test --uri URI [--json]`: prints a sample Korean document with the test issuance
/// number straight to the printer and reports the outcome.
struct PrinterTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Print a sample document with a test issuance number and report the outcome.",
        discussion: """
            Exit 0 when the job completed. Otherwise exit 1 and the reason: no paper, jam, cover open,
            toner empty, unreachable, busy, aborted, canceled, or timed out waiting. With --uri the command
            talks to that printer itself and needs no kioskd; without it kioskd prints on its configured
            printer and records the test in its ledger.
            """
    )

    @Option(name: .long, help: "The printer's IPP URI, e.g. ipp://192.168.0.20/ipp/print.")
    var uri: String?

    @Flag(name: .long, help: "Print the outcome as one JSON object.")
    var json = false

    @Option(name: .long, help: "Seconds to wait for the job to finish (held jobs count).")
    var timeout: Int = 120

    @Option(name: .long, help: "Control socket path, when going through kioskd (default: from the configuration file).")
    var socket: String?

    @Option(name: .long, help: "Configuration file (default: etc/kiosk.toml, else /etc/kiosk/kiosk.toml).")
    var config: String?

    /// What the test print ended as.
    struct Outcome: Encodable {
        var outcome: String
        var reason: String?
        var uri: String?
        var job: Int?
        var pages: Int?
        var issuanceNumber: String
    }

    func run() async throws {
        guard let uri else {
            var options = try ControlOptions.parse([])
            options.socket = socket
            options.config = config
            let report = try options.send(
                ControlRequest(command: "printer-test", arguments: ["timeout": String(timeout)]), expecting: PrinterTestReport.self)
            try finish(Outcome(
                outcome: report.outcome, reason: report.reason, uri: nil, job: report.job, pages: report.pages,
                issuanceNumber: report.issuanceNumber))
        }
        let logger = Logger(label: "kiosk.printer", factory: { _ in SwiftLogNoOpLogHandler() })
        let printer: IPPPrinter
        do {
            printer = try IPPPrinter(configuration: IPPPrinterConfiguration(uri: uri), logger: logger)
        } catch {
            printError("\(error)")
            throw ExitCode(64)
        }
        let number = SampleDocumentProvider.testIssuanceNumber
        var outcome = Outcome(outcome: "failed", reason: nil, uri: uri, job: nil, pages: nil, issuanceNumber: number)

        let status = await printer.status()
        if !status.canPrintDocuments {
            outcome.outcome = Self.name(for: status)
            outcome.reason = status.reason
            try finish(outcome)
        }
        let rendered: RenderedDocument
        do {
            rendered = try DocumentRenderer().render(SampleDocumentProvider.document(.residentRegistrationCopy))
        } catch {
            outcome.outcome = "render-failed"
            outcome.reason = "\(error)"
            try finish(outcome)
        }
        outcome.pages = rendered.pageCount
        do {
            let id = try await printer.submit(.issuance(number: number, document: rendered))
            outcome.job = id.rawValue
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(timeout)
            var last: PrintJobState?
            while true {
                let state = try await printer.jobState(id)
                if state != last, !json, case .held(let reasons) = state {
                    printError("job \(id) held: \(reasons.joined(separator: ", ")) — waiting")
                }
                last = state
                switch state {
                case .completed:
                    outcome.outcome = "completed"
                    try finish(outcome)
                case .aborted(let reasons):
                    outcome.outcome = reasons.contains("media-jam") ? "jam" : "aborted"
                    outcome.reason = reasons.isEmpty ? "the printer aborted the job" : reasons.joined(separator: ", ")
                    try finish(outcome)
                case .canceled:
                    outcome.outcome = "canceled"
                    try finish(outcome)
                case .held(let reasons) where clock.now >= deadline:
                    try? await printer.cancel(id)
                    let blocking = Set(reasons)
                    outcome.outcome = blocking.contains("media-empty") || blocking.contains("media-needed") ? "no-paper"
                        : blocking.contains("cover-open") || blocking.contains("door-open") ? "cover-open" : "timeout"
                    outcome.reason = "job held for \(timeout) s: \(reasons.joined(separator: ", ")); canceled"
                    try finish(outcome)
                case _ where clock.now >= deadline:
                    try? await printer.cancel(id)
                    outcome.outcome = "timeout"
                    outcome.reason = "job not finished within \(timeout) s; canceled"
                    try finish(outcome)
                default:
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
        } catch let error as PrinterError {
            switch error {
            case .busy: outcome.outcome = "busy"
            case .unreachable: outcome.outcome = "unreachable"
            case .rejected, .unknownJob: outcome.outcome = "aborted"
            }
            outcome.reason = error.description
            try finish(outcome)
        }
    }

    private static func name(for status: DeviceStatus) -> String {
        if status.state == .offline { return "unreachable" }
        if status.details.jammed == true { return "jam" }
        if status.details.paper == .empty { return "no-paper" }
        if status.details.coverOpen == true { return "cover-open" }
        if status.details.toner == .empty { return "toner-empty" }
        return "not-ready"
    }

    /// Prints the outcome and exits: 0 when completed, 1 otherwise.
    private func finish(_ outcome: Outcome) throws -> Never {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(outcome)) ?? Data("{}".utf8)
            print(String(decoding: data, as: UTF8.self))
        } else if outcome.outcome == "completed" {
            print("test print completed: job \(outcome.job ?? 0), \(outcome.pages ?? 0) page(s), number \(outcome.issuanceNumber)")
        } else {
            printError("test print failed: \(outcome.outcome)\(outcome.reason.map { " — \($0)" } ?? "")")
        }
        throw outcome.outcome == "completed" ? ExitCode.success : ExitCode.operationFailed
    }
}
