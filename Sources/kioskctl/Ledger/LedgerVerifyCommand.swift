import ArgumentParser
import KioskCore
import KioskLedger

/// `kioskctl ledger verify --db PATH`: walks the whole hash chain offline and names the first bad entry.
struct LedgerVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the ledger's hash chain and sequence; print the first broken entry.",
        discussion: "Exit 0 if intact, 1 if an entry is broken, 78 if the file is not a readable ledger."
    )

    @OptionGroup var database: LedgerDatabaseOption

    func run() async throws {
        let ledger = try await database.open()
        let bar = ProgressBar(label: "verify")
        let verification: LedgerVerification
        do {
            verification = try await ledger.verify { done, total in bar.update(done, of: total) }
        } catch {
            bar.finish()
            throw LedgerCommandFailure.report(error)
        }
        bar.finish()
        if let storage = verification.storageProblem {
            print("ledger \(database.path): SQLite integrity check failed: \(storage)")
        }
        if let problem = verification.problem {
            print("ledger \(database.path): BROKEN at \(problem)")
            print("entries before it verified: \(verification.checkedEntries) of \(verification.lastSequence)")
            throw ExitCode.operationFailed
        }
        if verification.storageProblem != nil { throw ExitCode.operationFailed }
        print("ledger \(database.path): chain intact, \(verification.checkedEntries) entries")
    }
}
