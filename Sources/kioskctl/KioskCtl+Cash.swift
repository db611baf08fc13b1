import ArgumentParser

extension KioskCtl {
    /// Subcommands of this area, listed in the root command.
    static let cashCommands: [any ParsableCommand.Type] = [CashCommand.self]  // issue 4: simulated cash for sessions
}
