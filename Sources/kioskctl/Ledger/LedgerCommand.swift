import ArgumentParser
import Foundation
import KioskLedger

/// `kioskctl ledger …`: read the kiosk's ledger file offline (the file is opened read-only).
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Read the ledger: verify its hash chain, export, daily stats, one issuance, the tail.",
        discussion: "These commands open the SQLite ledger file given with --db read-only; kioskd may keep running.",
        subcommands: [
            LedgerVerifyCommand.self, LedgerExportCommand.self, LedgerStatsCommand.self, LedgerShowCommand.self,
            LedgerTailCommand.self,
        ]
    )
}

/// The `--db PATH` option every ledger command takes.
struct LedgerDatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The ledger's SQLite file.", valueName: "PATH"))
    var path: String

    /// Opens the ledger read-only, or prints why not and exits (78 for a corrupt or foreign file, 1 otherwise).
    func open() async throws -> Ledger {
        do {
            return try await Ledger.open(at: path, configuration: .init(readOnly: true))
        } catch {
            throw LedgerCommandFailure.report(error)
        }
    }
}

/// Prints a ledger error on stderr and turns it into the matching exit code.
enum LedgerCommandFailure {
    static func report(_ error: LedgerError) -> ExitCode {
        printError("kioskctl: \(error.description)")
        if case .corrupt = error { return .configInvalid }
        return .operationFailed
    }
}
