import ArgumentParser
import Foundation
import KioskCore
import KioskLedger

/// `kioskctl ledger tail [-n N] [--follow] --db PATH`.
struct LedgerTailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print the last entries; with --follow, keep printing new ones (polls the file)."
    )

    @OptionGroup var database: LedgerDatabaseOption

    @Option(name: .customShort("n"), help: "How many entries.")
    var count = 20

    @Flag(help: "Keep printing entries as they are appended (polls every 0.5 s; Ctrl-C stops).")
    var follow = false

    @Flag(help: "Print JSON Lines instead of text.")
    var json = false

    func validate() throws {
        guard count >= 0 else { throw ValidationError("-n must be 0 or more, not \(count)") }
    }

    func run() async throws {
        let ledger = try await database.open()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func emit(_ entries: [LedgerEntry]) throws {
            for entry in entries {
                print(json ? String(decoding: try encoder.encode(entry.exportRow), as: UTF8.self) : entry.displayLine)
            }
        }
        do {
            let entries = try await ledger.tail(count)
            try emit(entries)
            guard follow else { return }
            var cursor = try await ledger.count()
            while !Task.isCancelled {
                try await Task.sleep(for: .milliseconds(500))
                let fresh = try await ledger.entries(after: cursor, limit: 1_000)
                try emit(fresh)
                if let last = fresh.last { cursor = last.sequence }
                fflush(nil)
            }
        } catch let error as LedgerError {
            throw LedgerCommandFailure.report(error)
        }
    }
}
