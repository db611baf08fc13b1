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
        let quiet = json
        let result = await TestPrint.run(on: printer, timeout: .seconds(timeout)) { reasons in
            if !quiet { printError("job held: \(reasons.joined(separator: ", ")) — waiting") }
        }
        try finish(Outcome(
            outcome: result.outcome, reason: result.reason, uri: uri, job: result.job, pages: result.pages,
            issuanceNumber: result.issuanceNumber))
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
