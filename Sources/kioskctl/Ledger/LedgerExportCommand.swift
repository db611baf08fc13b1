import ArgumentParser
import Foundation
import KioskCore
import KioskLedger

/// `kioskctl ledger export --since DATE --format csv|jsonl --db PATH`.
struct LedgerExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the entries made since DATE to standard output as CSV or JSON Lines.",
        discussion: "A progress bar is drawn on standard error only when it is a terminal."
    )

    /// The export formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, jsonl
    }

    @OptionGroup var database: LedgerDatabaseOption

    @Option(help: ArgumentHelp("A day (YYYY-MM-DD, local) or an ISO 8601 instant; entries from then on.", valueName: "DATE"))
    var since: String

    @Option(help: "csv or jsonl.")
    var format: Format

    @Option(help: "The time zone of a YYYY-MM-DD date.")
    var timeZone = "Asia/Seoul"

    func run() async throws {
        let start = try LedgerDate(parsing: since, timeZone: try ledgerTimeZone(timeZone)).startMilliseconds
        let ledger = try await database.open()
        let bar = ProgressBar(label: "export")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let output = FileHandle.standardOutput
        if format == .csv { output.write(Data((LedgerExportRow.csvHeader + "\n").utf8)) }
        do {
            let total = try await ledger.count()
            var cursor: Int64 = 0
            while true {
                let page = try await ledger.entries(after: cursor, limit: 2_000, fromUTCMilliseconds: start)
                guard let last = page.last else { break }
                var chunk = Data()
                for entry in page {
                    switch format {
                    case .csv: chunk.append(Data((entry.exportRow.csvLine + "\n").utf8))
                    case .jsonl:
                        chunk.append(try encoder.encode(entry.exportRow))
                        chunk.append(0x0a)
                    }
                }
                output.write(chunk)
                cursor = last.sequence
                bar.update(cursor, of: total)
            }
        } catch let error as LedgerError {
            bar.finish()
            throw LedgerCommandFailure.report(error)
        }
        bar.finish()
    }
}
