import ArgumentParser
import Foundation
import KioskCore
import KioskLedger

/// `kioskctl ledger show ISSUANCE-NUMBER --db PATH`: every entry of one issuance.
struct LedgerShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show every ledger entry of the issuance with this number (NNNN-NNNN-NNNN-NNNN)."
    )

    @Argument(help: ArgumentHelp("The number printed on the document.", valueName: "ISSUANCE-NUMBER"))
    var number: String

    @OptionGroup var database: LedgerDatabaseOption

    @Flag(help: "Print JSON Lines instead of text.")
    var json = false

    func validate() throws {
        do {
            _ = try IssuanceNumber(parsing: number)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let issuanceNumber = try IssuanceNumber(parsing: number)
        let ledger = try await database.open()
        let entries: [LedgerEntry]
        do {
            entries = try await ledger.entries(issuanceNumber: issuanceNumber)
        } catch {
            throw LedgerCommandFailure.report(error)
        }
        guard let last = entries.last else {
            printError("kioskctl: no issuance \(issuanceNumber.formatted) in ledger \(database.path)")
            throw ExitCode.operationFailed
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for entry in entries { print(String(decoding: try encoder.encode(entry.exportRow), as: UTF8.self)) }
            return
        }
        let state = IssuanceState(lastEntryKind: last.record.kind).map(\.rawValue) ?? last.record.kind.rawValue
        print("issuance \(issuanceNumber.formatted): \(state)\(last.record.kind.isTerminal ? "" : " (not finished)")")
        for entry in entries { print("  " + entry.displayLine) }
    }
}
