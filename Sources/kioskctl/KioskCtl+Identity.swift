import ArgumentParser

extension KioskCtl {
    /// Subcommands of this area, listed in the root command.
    static let identityCommands: [any ParsableCommand.Type] = [IdentityCommand.self]
}
