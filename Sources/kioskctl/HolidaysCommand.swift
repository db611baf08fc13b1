import ArgumentParser
import Foundation
import KioskCore

/// `kioskctl holidays YEAR`: the built-in Korean public holidays of a year.
struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "List the built-in Korean public holidays of YEAR (2000-2050).",
        discussion: "JSON form: [{\"date\",\"name\",\"nameKo\",\"substitute\"}]."
    )

    @Argument(help: "The year, 2000-2050.")
    var year: Int

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard HolidayCalendar.koreanYears.contains(year) else {
            throw ValidationError("year \(year) is outside the built-in calendar (\(HolidayCalendar.koreanYears.lowerBound)-\(HolidayCalendar.koreanYears.upperBound))")
        }
    }

    func run() throws {
        let holidays = HolidayCalendar.korean.holidays(in: year)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(holidays), as: UTF8.self))
        } else {
            for holiday in holidays {
                let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][holiday.date.weekday]
                print("\(holiday.date) \(weekday)  \(holiday.nameKo)  \(holiday.name)")
            }
        }
    }
}
