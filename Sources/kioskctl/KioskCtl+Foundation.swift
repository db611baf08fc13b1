import ArgumentParser

extension KioskCtl {
    /// Subcommands of this area, listed in the root command.
    static let foundationCommands: [any ParsableCommand.Type] = [
        StatusCommand.self, DevicesCommand.self, SimulateCommand.self, MaintenanceCommand.self, ReloadCommand.self,
    ]
}
