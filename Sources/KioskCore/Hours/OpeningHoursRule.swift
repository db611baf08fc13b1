/// One parsed rule of an `opening_hours` value (internal representation).
struct OpeningHoursRule: Sendable, Hashable {
    /// Joined to the previous rule with `,` (adds) rather than `;` (replaces the days it matches).
    var additional = false
    /// `open` (true) or `off`/`closed` (false).
    var open = true
    /// When the rule matches a day, it first clears what earlier rules said about that day (set by the parser).
    var replacesDay = false
    /// Year ranges (inclusive); empty = any year.
    var years: [ClosedRange<Int>] = []
    /// Month ranges as (first, last) 1...12, may wrap (`Nov-Feb`); empty = any month.
    var months: [MonthSpan] = []
    /// Date ranges; empty = any date.
    var dates: [DateSpan] = []
    /// Weekday bit mask (bit 0 = Monday … bit 6 = Sunday); 0 with `holidays == false` = no weekday selector.
    var weekdayMask: UInt8 = 0
    /// `PH` is in the weekday selector (a union with the weekdays, as in `Sa,PH`).
    var holidays = false
    /// A separate `PH` selector (`PH Mo-Fr`): the day must be a holiday, and match the weekdays if any.
    var holidayRequired = false
    /// Time spans in minutes from the day's midnight; `end` may exceed 1440 (spill into the next day).
    var spans: [TimeSpan] = []

    struct MonthSpan: Sendable, Hashable { var first: Int; var last: Int }
    struct TimeSpan: Sendable, Hashable { var start: Int; var end: Int }
    /// A date range. With years, both ends are absolute day numbers; without, month*100+day keys that may wrap.
    struct DateSpan: Sendable, Hashable {
        var absolute: Bool
        var first: Int
        var last: Int
    }

    var hasWeekdaySelector: Bool { weekdayMask != 0 || holidays || holidayRequired }
    var hasDaySelector: Bool { !years.isEmpty || !months.isEmpty || !dates.isEmpty || hasWeekdaySelector }
    var spills: Bool { spans.contains { $0.end > 1440 } }

    /// Whether the rule's day selectors match the day `day` (days since 1970-01-01).
    @inline(__always)
    func matches(day: Int, date: LocalDate, calendar: HolidayCalendar) -> Bool {
        if !years.isEmpty && !years.contains(where: { $0.contains(date.year) }) { return false }
        if !months.isEmpty {
            let month = date.month
            if !months.contains(where: { $0.first <= $0.last ? ($0.first...$0.last).contains(month) : (month >= $0.first || month <= $0.last) }) {
                return false
            }
        }
        if !dates.isEmpty {
            let key = date.month * 100 + date.day
            let hit = dates.contains { span in
                if span.absolute { return day >= span.first && day <= span.last }
                return span.first <= span.last ? (key >= span.first && key <= span.last) : (key >= span.first || key <= span.last)
            }
            if !hit { return false }
        }
        if holidayRequired && !calendar.isHoliday(dayNumber: day) { return false }
        if weekdayMask != 0 || holidays {
            let bit = UInt8(1) << UInt8(LocalDate.weekday(dayNumber: day))
            if weekdayMask & bit == 0 && !(holidays && calendar.isHoliday(dayNumber: day)) { return false }
        }
        return true
    }
}
