import ArgumentParser

extension KioskCtl {
    /// Subcommands of this area, listed in the root command.
    static let readerCommands: [any ParsableCommand.Type] = [ReaderCommand.self]
}

/// `kioskctl reader …`: the fingerprint reader.
struct ReaderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader",
        abstract: "Fingerprint reader maintenance.",
        subcommands: [ReaderTestCommand.self]
    )
}
