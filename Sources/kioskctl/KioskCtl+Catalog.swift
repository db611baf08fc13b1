import ArgumentParser

extension KioskCtl {
    /// Subcommands of this area, listed in the root command.
    static let catalogCommands: [any ParsableCommand.Type] = [
        ScheduleCommand.self, HolidaysCommand.self,
    ]
}
