import ArgumentParser
import KioskControl

/// `kioskctl cash status|insert WON`: the cash module's holdings, and money put into a simulated one.
struct CashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cash", abstract: "The cash module: its holdings, or insert money into a simulated one.",
        subcommands: [Status.self, Insert.self, Collect.self, Refill.self])

    /// `kioskctl cash status`.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Coins for change, cash box and payouts so far.")
        @OptionGroup var options: ControlOptions

        func run() throws {
            let holdings = try options.send(ControlRequest(command: "cash", arguments: ["action": "status"]), expecting: CashStatusReport.self)
            if options.json { return try options.printJSON(holdings) }
            print("driver     \(holdings.driver)")
            print("change     " + holdings.payout.map { "\($0.denomination)×\($0.count)" }.joined(separator: "  "))
            if let total = holdings.cashBoxTotal { print("cash box   \(total) won") }
            if let paid = holdings.paidOut { print("paid out   \(paid) won") }
            if let note = holdings.noteInEscrow { print("escrow     \(note) won") }
        }
    }

    /// `kioskctl cash collect`: the technician emptied the cash box; the counts go into the ledger.
    struct Collect: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that the cash box was emptied (counts into the ledger).")
        @OptionGroup var options: ControlOptions

        func run() throws {
            let answer = try options.send(
                ControlRequest(command: "cash", arguments: ["action": "collect"]), expecting: ControlAcknowledgement.self)
            if options.json { return try options.printJSON(answer) }
            print(answer.message)
        }
    }

    /// `kioskctl cash refill --coin 100=200 --coin 500=100`: coins put into the change hoppers.
    struct Refill: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record coins put into the change hoppers (into the ledger).")
        @Option(name: .customLong("coin"), help: "COIN=COUNT, e.g. 100=200; repeat for each hopper.")
        var coins: [String]
        @OptionGroup var options: ControlOptions

        func run() throws {
            let answer = try options.send(
                ControlRequest(command: "cash", arguments: ["action": "refill", "coins": coins.joined(separator: ",")]),
                expecting: ControlAcknowledgement.self)
            if options.json { return try options.printJSON(answer) }
            print(answer.message)
        }
    }

    /// `kioskctl cash insert WON` (simulated cash module only).
    struct Insert: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put a coin or note into the simulated cash module.")
        @Argument(help: "The coin or note in won: 100, 500, 1000, 5000 or 10000.")
        var won: Int
        @OptionGroup var options: ControlOptions

        func run() throws {
            let answer = try options.send(
                ControlRequest(command: "cash", arguments: ["action": "insert", "won": String(won)]), expecting: ControlAcknowledgement.self)
            if options.json { return try options.printJSON(answer) }
            print(answer.message)
        }
    }
}
