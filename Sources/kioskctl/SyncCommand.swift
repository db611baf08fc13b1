import ArgumentParser
import Foundation
import KioskControl
import KioskSync

/// `kioskctl sync status|now`: what central has acknowledged, the lag and the last error; start a round now.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Sync with kiosk-central.", subcommands: [Status.self, Now.self])

    static func show(_ status: SyncStatus, options: ControlOptions) throws {
        if options.json { return try options.printJSON(status) }
        var rows: [[String]] = [
            ["acked entry", status.ackedSequence.map(String.init) ?? "unknown (central not reached yet)"],
            ["ledger head", "\(status.lastSequence)"],
            ["lag", "\(status.lag) entries"],
            ["batch size", "\(status.batchSize)"],
        ]
        if let success = status.lastSuccessUTCMilliseconds {
            rows.append(["last ack", ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(success) / 1000))])
        }
        rows.append(["last error", status.lastError.map { "\($0) (\(status.consecutiveFailures) in a row)" } ?? "none"])
        print(rows.map { $0[0].padding(toLength: 12, withPad: " ", startingAt: 0) + $0[1] }.joined(separator: "\n"))
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Acked sequence, lag and last error.")
        @OptionGroup var options: ControlOptions

        func run() throws {
            try SyncCommand.show(try options.send(ControlRequest(command: "sync-status"), expecting: SyncStatus.self), options: options)
        }
    }

    struct Now: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a sync round now (skips any backoff wait).")
        @OptionGroup var options: ControlOptions

        func run() throws {
            let status = try options.send(ControlRequest(command: "sync-now"), expecting: SyncStatus.self)
            print("sync round requested")
            try SyncCommand.show(status, options: options)
        }
    }
}
