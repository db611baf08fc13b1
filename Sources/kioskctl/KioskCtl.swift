import ArgumentParser

/// `kioskctl`: the technician's tool. Talks to kioskd over its control socket; some commands work offline.
@main
struct KioskCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioskctl",
        abstract: "The technician's tool for a kioskd kiosk.",
        discussion: """
            Exit codes: 0 success; 1 the operation failed (the message says why); 64 usage error;
            69 kioskd is not reachable on its control socket; 77 permission refused by kioskd;
            78 configuration or data file invalid.
            """,
        subcommands: foundationCommands + catalogCommands + ledgerCommands + printerCommands + readerCommands
            + cashCommands + syncCommands + identityCommands
    )
}
