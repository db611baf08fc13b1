import KioskCore
import ArgumentParser
import Foundation
import KioskPrinting

/// `kioskctl printer render --family F --out PATH`: renders a SAMPLE document to a PDF file without
/// printing, to check fonts and layout on a kiosk.
struct PrinterRenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a sample document to a PDF file (no printer needed).",
        discussion: "Families: \(DocumentFamily.allCases.map(\.rawValue).joined(separator: ", "))."
    )

    @Option(name: .long, help: "The document family.")
    var family: String = DocumentFamily.residentRegistrationCopy.rawValue

    @Option(name: .long, help: "Where to write the PDF.")
    var out: String

    @Option(name: .long, help: "The issuance number printed on it (NNNN-NNNN-NNNN-NNNN).")
    var number: String = SampleDocumentProvider.testIssuanceNumber

    @Option(name: .long, help: "Rows of address history (초본 only).")
    var rows: Int = 6

    func run() async throws {
        guard let family = DocumentFamily(rawValue: family) else {
            printError("unknown family \(self.family); use one of \(DocumentFamily.allCases.map(\.rawValue).joined(separator: ", "))")
            throw ExitCode(64)
        }
        do {
            let document = SampleDocumentProvider.document(family, issuanceNumber: number, addressHistoryRows: rows)
            let rendered = try DocumentRenderer().render(document)
            try Data(rendered.pdf).write(to: URL(fileURLWithPath: out))
            print("\(out): \(rendered.pageCount) page(s), \(rendered.pdf.count) bytes")
        } catch {
            printError("cannot render: \(error)")
            throw ExitCode.operationFailed
        }
    }
}
