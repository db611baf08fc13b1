import ArgumentParser
import Foundation
import KioskCore
import KioskLedger

/// `kioskctl ledger stats --day DATE --db PATH`: issuances and revenue per document for one local day.
struct LedgerStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Issuances and revenue per document for one day."
    )

    @OptionGroup var database: LedgerDatabaseOption

    @Option(help: ArgumentHelp("The local day, YYYY-MM-DD.", valueName: "DATE"))
    var day: String

    @Option(help: "The kiosk's time zone, which decides where the day begins.")
    var timeZone = "Asia/Seoul"

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let range = try LedgerDate(parsing: day, timeZone: try ledgerTimeZone(timeZone))
        guard let end = range.endMilliseconds else {
            throw ValidationError("--day takes a day (YYYY-MM-DD), not an instant: \"\(day)\"")
        }
        let ledger = try await database.open()
        let stats: [LedgerDocumentStats]
        do {
            stats = try await ledger.documentStats(fromUTCMilliseconds: range.startMilliseconds, toUTCMilliseconds: end)
        } catch {
            throw LedgerCommandFailure.report(error)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            print(String(decoding: try encoder.encode(stats), as: UTF8.self))
            return
        }
        let header = ["document", "issued", "copies", "paid", "refunded", "owed", "revenue"]
        var rows = stats.map {
            [$0.documentCode, String($0.issued), String($0.copies), $0.paid.description, $0.refunded.description,
             $0.owed.description, $0.revenue.description]
        }
        let total = stats.reduce(into: (issued: 0, copies: 0, paid: Money.zero, refunded: Money.zero, owed: Money.zero)) {
            $0.issued += $1.issued
            $0.copies += $1.copies
            $0.paid += $1.paid
            $0.refunded += $1.refunded
            $0.owed += $1.owed
        }
        rows.append([
            "total", String(total.issued), String(total.copies), total.paid.description, total.refunded.description,
            total.owed.description, (total.paid - total.refunded - total.owed).description,
        ])
        print("ledger \(database.path): \(day) (\(timeZone))")
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            print(row.indices.map { column in
                let cell = row[column]
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  "))
        }
    }
}
