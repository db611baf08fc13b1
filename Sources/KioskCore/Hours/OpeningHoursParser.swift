/// Parses the supported subset of the OpenStreetMap `opening_hours` syntax into rules. Anything outside
/// the subset is an `OpeningHoursError` naming the position — never silently ignored.
struct OpeningHoursParser {
    enum Token: Equatable {
        case number(Int, digits: Int)
        case time(Int)
        case word(String)
        case dash, comma, semicolon, twentyFourSeven
    }

    private var tokens: [(token: Token, position: Int)] = []
    private var index = 0
    private let length: Int

    static let weekdays = ["mo", "tu", "we", "th", "fr", "sa", "su"]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    init(_ text: String) throws(OpeningHoursError) {
        let characters = Array(text)
        length = characters.count
        var i = 0
        while i < characters.count {
            let c = characters[i]
            let position = i + 1
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            if c.isASCII && c.isNumber {
                var j = i
                while j < characters.count, characters[j].isASCII, characters[j].isNumber { j += 1 }
                let digits = String(characters[i..<j])
                if j + 1 < characters.count, characters[j] == "/", digits == "24", characters[j + 1] == "7" {
                    tokens.append((.twentyFourSeven, position))
                    i = j + 2
                    continue
                }
                if j < characters.count, characters[j] == ":" {
                    var k = j + 1
                    while k < characters.count, characters[k].isASCII, characters[k].isNumber { k += 1 }
                    let minutes = String(characters[(j + 1)..<k])
                    guard digits.count <= 2, minutes.count == 2, let h = Int(digits), let m = Int(minutes), m < 60 else {
                        throw OpeningHoursError(position: position, message: "malformed time '\(String(characters[i..<k]))' (expected HH:MM)")
                    }
                    tokens.append((.time(h * 60 + m), position))
                    i = k
                    continue
                }
                guard digits.count <= 4, let value = Int(digits) else {
                    throw OpeningHoursError(position: position, message: "number '\(digits)' is too long")
                }
                tokens.append((.number(value, digits: digits.count), position))
                i = j
                continue
            }
            if c.isASCII && c.isLetter {
                var j = i
                while j < characters.count, characters[j].isASCII, characters[j].isLetter { j += 1 }
                tokens.append((.word(String(characters[i..<j]).lowercased()), position))
                i = j
                continue
            }
            switch c {
            case "-": tokens.append((.dash, position))
            case ",": tokens.append((.comma, position))
            case ";": tokens.append((.semicolon, position))
            case "|": throw OpeningHoursError(position: position, message: "fallback rules ('||') are not supported")
            case "\"": throw OpeningHoursError(position: position, message: "comments are not supported")
            case "[": throw OpeningHoursError(position: position, message: "nth-weekday selectors ('[n]') are not supported")
            case "+": throw OpeningHoursError(position: position, message: "open-ended times ('+') are not supported")
            case "(": throw OpeningHoursError(position: position, message: "variable times ('(sunrise…)') are not supported")
            case "/": throw OpeningHoursError(position: position, message: "periodic times ('/') are not supported")
            case ":": throw OpeningHoursError(position: position, message: "unexpected ':' (is this a rule-prefix label?)")
            default: throw OpeningHoursError(position: position, message: "unexpected character '\(c)'")
            }
            i += 1
        }
    }

    private var current: Token? { index < tokens.count ? tokens[index].token : nil }
    private func peek(_ offset: Int) -> Token? { index + offset < tokens.count ? tokens[index + offset].token : nil }
    private var position: Int { index < tokens.count ? tokens[index].position : length + 1 }

    private func fail(_ message: String) -> OpeningHoursError { OpeningHoursError(position: position, message: message) }

    private static func monthIndex(_ token: Token?) -> Int? {
        guard case .word(let word)? = token, let index = months.firstIndex(of: word) else { return nil }
        return index + 1
    }
    private static func weekdayIndex(_ token: Token?) -> Int? {
        guard case .word(let word)? = token else { return nil }
        return weekdays.firstIndex(of: word)
    }
    private static func day(_ token: Token?) -> Int? {
        guard case .number(let value, let digits)? = token, digits <= 2 else { return nil }
        return value
    }
    private static func year(_ token: Token?) -> Int? {
        guard case .number(let value, let digits)? = token, digits == 4 else { return nil }
        return value
    }

    mutating func parse() throws(OpeningHoursError) -> [OpeningHoursRule] {
        var rules: [OpeningHoursRule] = []
        guard !tokens.isEmpty else { throw fail("empty rule text") }
        var additional = false
        parsing: while current != nil {
            // Empty rules (";;", a trailing ";" or ",") say nothing; the reference evaluator ignores them too.
            if current == .semicolon { index += 1; additional = false; continue }
            if current == .comma { index += 1; additional = true; continue }
            let (parsed, endsWithTimeOrState) = try parseRule()
            var rule = parsed
            rule.additional = additional
            rules.append(rule)
            switch current {
            case nil:
                break parsing
            case .semicolon?:
                index += 1
                additional = false
            case .comma?:
                guard endsWithTimeOrState else {
                    throw fail("an additional rule (',') may only follow time spans or a state; use ';' to separate rules")
                }
                index += 1
                additional = true
            default:
                throw fail("unexpected \(describe(current!)) (expected ';', ',' or the end)")
            }
        }
        guard !rules.isEmpty else { throw OpeningHoursError(position: 1, message: "no rule in the text") }
        // Which rules replace what earlier rules said about the days they match (opening_hours.js semantics):
        // open `;` rules with a day selector, and open `;` rules without one when the rule before had none either.
        for index in rules.indices {
            let rule = rules[index]
            rules[index].replacesDay = rule.open && !rule.additional
                && (rule.hasDaySelector || (index > 0 && !rules[index - 1].hasDaySelector))
        }
        return rules
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .number(let value, _): "number \(value)"
        case .time(let minutes): "time \(minutes / 60):\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)"
        case .word(let word): "'\(word)'"
        case .dash: "'-'"
        case .comma: "','"
        case .semicolon: "';'"
        case .twentyFourSeven: "'24/7'"
        }
    }

    /// One rule, and whether it ended with time spans or a state (only then may a ',' rule follow).
    private mutating func parseRule() throws(OpeningHoursError) -> (OpeningHoursRule, Bool) {
        var rule = OpeningHoursRule()
        let start = index
        // Wide selectors: years, dates, months.
        while true {
            if Self.year(current) != nil {
                try parseYearOrDates(&rule)
            } else if Self.monthIndex(current) != nil {
                try parseMonthOrDates(&rule)
            } else {
                break
            }
        }
        // Weekdays and PH. "Sa,PH" is a union; "PH Mo-Fr" (no comma) means a holiday that is also Mo-Fr.
        if Self.weekdayIndex(current) != nil || current == .word("ph") {
            var first = OpeningHoursRule()
            try parseWeekdays(&first)
            if Self.weekdayIndex(current) != nil || current == .word("ph") {
                let secondPosition = position
                var second = OpeningHoursRule()
                try parseWeekdays(&second)
                let firstIsPH = first.holidays && first.weekdayMask == 0
                let secondIsPH = second.holidays && second.weekdayMask == 0
                guard firstIsPH || secondIsPH else {
                    throw OpeningHoursError(position: secondPosition, message: "weekday selectors must be joined with ','")
                }
                let weekdays = firstIsPH ? second : first
                rule.holidayRequired = true
                rule.weekdayMask = weekdays.weekdayMask
                rule.holidays = weekdays.holidays && weekdays.weekdayMask != 0
            } else {
                rule.weekdayMask = first.weekdayMask
                rule.holidays = first.holidays
            }
            if Self.weekdayIndex(current) != nil || current == .word("ph") {
                throw fail("weekday selectors must be joined with ','")
            }
        }
        if current == .word("sh") { throw fail("school holidays ('SH') are not supported") }
        if case .word("week")? = current { throw fail("week selectors are not supported") }
        if case .word("easter")? = current { throw fail("'easter' is not supported") }
        var endsWithTimeOrState = false
        // Times.
        if current == .twentyFourSeven {
            index += 1
            rule.spans = [.init(start: 0, end: 1440)]
        } else if case .time? = current {
            try parseTimes(&rule)
            endsWithTimeOrState = true
        }
        // State.
        switch current {
        case .word("open")?:
            index += 1
            endsWithTimeOrState = true
        case .word("off")?, .word("closed")?:
            rule.open = false
            index += 1
            endsWithTimeOrState = true
        case .word("unknown")?: throw fail("the 'unknown' state is not supported")
        default: break
        }
        if index == start {
            if let token = current, token != .semicolon, token != .comma {
                throw fail("unexpected \(describe(token))")
            }
            throw fail("empty rule")
        }
        if case .word(let word)? = current { throw fail("unexpected '\(word)' (unknown keyword or selector out of order)") }
        if case .number? = current { throw fail("unexpected \(describe(current!))") }
        if case .time? = current { throw fail("unexpected \(describe(current!)) (time spans are joined with ',')") }
        if rule.spans.isEmpty { rule.spans = [.init(start: 0, end: 1440)] }
        return (rule, endsWithTimeOrState)
    }

    private mutating func parseYearOrDates(_ rule: inout OpeningHoursRule) throws(OpeningHoursError) {
        let year = Self.year(current)!
        if Self.monthIndex(peek(1)) != nil, Self.day(peek(2)) != nil {
            try parseDateList(&rule)
            return
        }
        index += 1
        var first = year
        while true {
            var last = first
            if current == .dash {
                index += 1
                guard let end = Self.year(current) else { throw fail("expected a year after '-'") }
                guard end >= first else { throw fail("year range ends before it starts") }
                last = end
                index += 1
            }
            rule.years.append(first...last)
            guard current == .comma, let next = Self.year(peek(1)), Self.monthIndex(peek(2)) == nil else { return }
            index += 1
            first = next
            index += 1
        }
    }

    private mutating func parseMonthOrDates(_ rule: inout OpeningHoursRule) throws(OpeningHoursError) {
        if Self.day(peek(1)) != nil {
            try parseDateList(&rule)
            return
        }
        while true {
            let first = Self.monthIndex(current)!
            index += 1
            var last = first
            if current == .dash {
                index += 1
                guard let end = Self.monthIndex(current) else { throw fail("expected a month after '-'") }
                if Self.day(peek(1)) != nil { throw fail("a month range cannot end on a day") }
                last = end
                index += 1
            }
            rule.months.append(.init(first: first, last: last))
            guard current == .comma, Self.monthIndex(peek(1)) != nil else { return }
            if Self.day(peek(2)) != nil { throw fail("mixing whole months and dates in one list is not supported") }
            index += 1
        }
    }

    /// `[YYYY] Mon DD[-[[YYYY] Mon] DD]` items separated by ','.
    private mutating func parseDateList(_ rule: inout OpeningHoursRule) throws(OpeningHoursError) {
        var lastYear: Int?
        var lastMonth = 0
        var expectFull = true
        while true {
            var year: Int?
            var month: Int
            if expectFull {
                if let y = Self.year(current) { year = y; index += 1 }
                guard let m = Self.monthIndex(current) else { throw fail("expected a month name") }
                month = m
                index += 1
            } else {
                year = lastYear
                month = lastMonth
            }
            guard let day = Self.day(current) else { throw fail("expected a day of the month") }
            try checkDay(year: year, month: month, day: day)
            index += 1
            var endYear = year
            var endMonth = month
            var endDay = day
            if current == .dash {
                index += 1
                if let y = Self.year(current) {
                    guard year != nil else { throw fail("a range from a yearly date cannot end on a dated year") }
                    endYear = y
                    index += 1
                    guard Self.monthIndex(current) != nil else { throw fail("expected a month name after the year") }
                }
                if let m = Self.monthIndex(current) {
                    if year != nil && endYear == year {
                        throw fail("a range from a dated day ends on a day of the same month or on a dated day (e.g. 2025 Dec 29-2026 Jan 02)")
                    }
                    endMonth = m
                    index += 1
                }
                guard let d = Self.day(current) else { throw fail("expected a day of the month after '-'") }
                endDay = d
                try checkDay(year: endYear, month: endMonth, day: endDay)
                index += 1
            }
            if let year {
                let first = LocalDate.dayNumber(year: year, month: month, day: day)
                let last = LocalDate.dayNumber(year: endYear ?? year, month: endMonth, day: endDay)
                guard last >= first else { throw fail("date range ends before it starts") }
                rule.dates.append(.init(absolute: true, first: first, last: last))
            } else {
                rule.dates.append(.init(absolute: false, first: month * 100 + day, last: endMonth * 100 + endDay))
            }
            lastYear = year
            lastMonth = month
            guard current == .comma else { return }
            if Self.day(peek(1)) != nil {
                expectFull = false
            } else if Self.monthIndex(peek(1)) != nil && Self.day(peek(2)) != nil {
                expectFull = true
            } else if Self.year(peek(1)) != nil && Self.monthIndex(peek(2)) != nil {
                expectFull = true
            } else {
                return
            }
            index += 1
        }
    }

    private func checkDay(year: Int?, month: Int, day: Int) throws(OpeningHoursError) {
        let maximum = year.map { LocalDate.daysIn(month: month, year: $0) } ?? LocalDate.daysIn(month: month, year: 2000)
        guard day >= 1 && day <= maximum else { throw fail("day \(day) does not exist in that month") }
    }

    private mutating func parseWeekdays(_ rule: inout OpeningHoursRule) throws(OpeningHoursError) {
        while true {
            if current == .word("ph") {
                rule.holidays = true
                index += 1
                if current == .dash { throw fail("'PH' cannot start a range") }
            } else if let first = Self.weekdayIndex(current) {
                index += 1
                if current == .dash {
                    index += 1
                    guard let last = Self.weekdayIndex(current) else { throw fail("expected a weekday after '-'") }
                    index += 1
                    var day = first
                    while true {
                        rule.weekdayMask |= UInt8(1) << UInt8(day)
                        if day == last { break }
                        day = (day + 1) % 7
                    }
                } else {
                    rule.weekdayMask |= UInt8(1) << UInt8(first)
                }
            } else {
                throw fail("expected a weekday or 'PH'")
            }
            guard current == .comma, Self.weekdayIndex(peek(1)) != nil || peek(1) == .word("ph") else { break }
            index += 1
        }
    }

    private mutating func parseTimes(_ rule: inout OpeningHoursRule) throws(OpeningHoursError) {
        while true {
            guard case .time(let start)? = current else { throw fail("expected a time (HH:MM)") }
            let spanPosition = position
            func spanError(_ message: String) -> OpeningHoursError { OpeningHoursError(position: spanPosition, message: message) }
            guard start <= 1440 else { throw spanError("a time span cannot start after 24:00") }
            index += 1
            guard current == .dash else { throw fail("points in time are not supported (expected '-' and an end time)") }
            index += 1
            guard case .time(var end)? = current else { throw fail("expected an end time (HH:MM)") }
            guard end <= 2880 else { throw fail("an end time cannot be after 48:00") }
            if end < start { end += 1440 }
            if end == start { throw spanError("time span is empty") }
            guard end - start <= 1440 else { throw spanError("a time span cannot be longer than 24 hours") }
            index += 1
            rule.spans.append(.init(start: start, end: end))
            guard current == .comma, case .time? = peek(1) else { return }
            index += 1
        }
    }
}
