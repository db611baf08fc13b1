import ArgumentParser

extension KioskCtl {
    /// Subcommands of this area, listed in the root command.
    static let syncCommands: [any ParsableCommand.Type] = [KeysCommand.self, SyncCommand.self]
}
