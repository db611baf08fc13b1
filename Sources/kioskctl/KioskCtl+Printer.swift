import ArgumentParser

extension KioskCtl {
    /// Subcommands of this area, listed in the root command.
    static let printerCommands: [any ParsableCommand.Type] = [PrinterCommand.self]
}

/// `kioskctl printer …`: the technician's printer commands.
struct PrinterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printer",
        abstract: "Test the document printer and render sample documents.",
        subcommands: [PrinterTestCommand.self, PrinterRenderCommand.self]
    )
}
