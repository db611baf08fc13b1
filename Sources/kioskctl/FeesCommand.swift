import ArgumentParser
import Foundation
import KioskCore

/// `kioskctl fees …`: fee quotes computed offline from the catalog.
struct FeesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fees",
        abstract: "Compute fees (offline).",
        subcommands: [FeesQuoteCommand.self]
    )
}

/// `kioskctl fees quote CODE --copies N`.
struct FeesQuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Print the line-by-line quote for copies of a document.",
        discussion: "Exemption kinds: \(ExemptionKind.all.map(\.id).joined(separator: ", "))."
    )

    @Argument(help: "Document code, e.g. RR-DEUNGBON.")
    var code: String

    @Option(help: "Number of copies.")
    var copies: Int

    @Option(help: "Pages per copy (for documents priced by page).")
    var pages: Int = 1

    @Option(help: "An exemption the applicant's verified identity carries.")
    var exemption: [String] = []

    @Flag(help: "The subject is outside the kiosk's district.")
    var outOfDistrict = false

    @OptionGroup var file: CatalogFileOptions

    @Flag(help: "Print the quote as JSON (the form recorded in the ledger).")
    var json = false

    func run() throws {
        var kinds = Set<ExemptionKind>()
        for id in exemption {
            guard let kind = ExemptionKind(id: id) else {
                throw ValidationError("unknown exemption \(id) (known: \(ExemptionKind.all.map(\.id).joined(separator: ", ")))")
            }
            kinds.insert(kind)
        }
        let catalog = try file.load()
        guard let document = catalog[code] else { throw ValidationError("no document with code \(code) in \(file.path)") }
        let quote: Quote
        do {
            quote = try FeeSchedule(catalogVersion: catalog.version).quote(
                document: document, copies: copies, pages: pages, exemptions: kinds, outOfDistrict: outOfDistrict)
        } catch {
            throw ValidationError(error.description)
        }
        if json {
            print(try CatalogJSON.encode(quote))
            return
        }
        for line in quote.lines {
            print("\(line.labelKo)\t\(line.unitPrice) × \(line.quantity)\t\(line.amount)")
        }
        print("합계 total\t\(quote.total)")
    }
}
