import ArgumentParser

extension KioskCtl {
    /// Subcommands of this area, listed in the root command.
    static let ledgerCommands: [any ParsableCommand.Type] = [LedgerCommand.self]
}
