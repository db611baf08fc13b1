import ArgumentParser

extension KioskCtl {
    /// Subcommands of this area, listed in the root command.
    static let catalogCommands: [any ParsableCommand.Type] = [
        CatalogCommand.self, FeesCommand.self, ScheduleCommand.self, HolidaysCommand.self,
    ]
}
