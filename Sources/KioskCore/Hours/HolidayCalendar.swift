/// A set of public holidays, looked up by date. `HolidayCalendar.korean` is the built-in calendar of
/// Korean public holidays (관공서의 공휴일) for 2000–2050; an overlay of extra dates (pushed by central, or
/// given on the command line) can be added with `adding(_:)`, and a calendar can be built from bare dates.
public struct HolidayCalendar: Sendable {
    private var days: Set<Int>
    private var entries: [Int: [Holiday]]

    /// The first and last year the built-in Korean rules cover.
    public static let koreanYears: ClosedRange<Int> = LunarTable.firstYear...LunarTable.lastYear

    /// The built-in Korean public holidays 2000–2050 (see `KoreanHolidays` for the rules).
    public static let korean: HolidayCalendar = HolidayCalendar(holidays: KoreanHolidays.all())

    /// A calendar with no holidays.
    public static let empty = HolidayCalendar(holidays: [])

    /// A calendar holding exactly `holidays`.
    public init(holidays: [Holiday]) {
        days = []
        entries = [:]
        for holiday in holidays { insert(holiday) }
    }

    /// A calendar of bare dates (named "Holiday"/"휴일"), e.g. from `kioskctl schedule eval --holidays`.
    public init(dates: [LocalDate]) {
        self.init(holidays: dates.map { Holiday(date: $0, name: "Holiday", nameKo: "휴일") })
    }

    /// This calendar plus `extra` holidays (an overlay; dates already present keep their entries too).
    public func adding(_ extra: [Holiday]) -> HolidayCalendar {
        var copy = self
        for holiday in extra { copy.insert(holiday) }
        return copy
    }

    /// Whether `date` is a holiday.
    public func isHoliday(_ date: LocalDate) -> Bool { days.contains(date.dayNumber) }

    /// Whether the day `dayNumber` days after 1970-01-01 is a holiday.
    public func isHoliday(dayNumber: Int) -> Bool { days.contains(dayNumber) }

    /// The holidays on `date` (several when two fall on one day, e.g. Children's Day and Buddha's Birthday 2025).
    public func holidays(on date: LocalDate) -> [Holiday] { entries[date.dayNumber] ?? [] }

    /// Every holiday of `year`, in date order.
    public func holidays(in year: Int) -> [Holiday] {
        let first = LocalDate.dayNumber(year: year, month: 1, day: 1)
        let last = LocalDate.dayNumber(year: year, month: 12, day: 31)
        return (first...last).flatMap { entries[$0] ?? [] }
    }

    private mutating func insert(_ holiday: Holiday) {
        let day = holiday.date.dayNumber
        days.insert(day)
        if !(entries[day]?.contains(holiday) ?? false) { entries[day, default: []].append(holiday) }
    }
}
