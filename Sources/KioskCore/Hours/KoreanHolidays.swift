/// The rules of Korean public holidays (관공서의 공휴일에 관한 규정, 공휴일에 관한 법률) applied to 2000–2050.
///
/// - Solar holidays: 신정, 삼일절, 어린이날, 현충일, 광복절, 개천절, 성탄절; 식목일 until 2005; 제헌절 until 2007
///   and again from 2026 (the January 2026 amendment made every 국경일 a public holiday); 한글날 from 2013.
/// - Lunar holidays from `LunarTable` (generated): 설날 and 추석 (the day before, the day, the day after),
///   부처님오신날.
/// - Substitute holidays (대체공휴일): 설날/추석 when a day falls on a Sunday or on another holiday (from 2014);
///   어린이날 on a Saturday, Sunday or another holiday (from 2014); 삼일절, 광복절, 개천절, 한글날 likewise
///   (from 2021); 부처님오신날 and 성탄절 (from 2023); 제헌절 (from 2026). One substitute per overlapping
///   date, on the first following day that is neither a weekend day nor a holiday.
/// - Election days: the known ones up to 2026 (including the early presidential elections of 2017 and 2025),
///   and from 2027 the statutory rule of 공직선거법 제34조 (the first Wednesday on or after the 50th / 30th /
///   70th day before the end of term, moved a week when it or an adjacent day is a holiday).
/// - Temporary holidays (임시공휴일) designated up to the catalog date.
enum KoreanHolidays {
    private enum Substitution { case none, sundayOrOverlap, weekendOrOverlap }

    private struct Entry {
        var holiday: Holiday
        var substitution: Substitution
        /// For multi-day holidays, the last day of the group (substitutes come after it).
        var groupEnd: Int
    }

    /// Elections held up to 2026 (later ones follow the statutory rule).
    private static let knownElections: [(String, String, String)] = [
        ("2000-04-13", "National Assembly Election Day", "국회의원선거일"),
        ("2002-06-13", "Local Election Day", "전국동시지방선거일"),
        ("2002-12-19", "Presidential Election Day", "대통령선거일"),
        ("2004-04-15", "National Assembly Election Day", "국회의원선거일"),
        ("2006-05-31", "Local Election Day", "전국동시지방선거일"),
        ("2007-12-19", "Presidential Election Day", "대통령선거일"),
        ("2008-04-09", "National Assembly Election Day", "국회의원선거일"),
        ("2010-06-02", "Local Election Day", "전국동시지방선거일"),
        ("2012-04-11", "National Assembly Election Day", "국회의원선거일"),
        ("2012-12-19", "Presidential Election Day", "대통령선거일"),
        ("2014-06-04", "Local Election Day", "전국동시지방선거일"),
        ("2016-04-13", "National Assembly Election Day", "국회의원선거일"),
        ("2017-05-09", "Presidential Election Day", "대통령선거일"),
        ("2018-06-13", "Local Election Day", "전국동시지방선거일"),
        ("2020-04-15", "National Assembly Election Day", "국회의원선거일"),
        ("2022-03-09", "Presidential Election Day", "대통령선거일"),
        ("2022-06-01", "Local Election Day", "전국동시지방선거일"),
        ("2024-04-10", "National Assembly Election Day", "국회의원선거일"),
        ("2025-06-03", "Presidential Election Day", "대통령선거일"),
        ("2026-06-03", "Local Election Day", "전국동시지방선거일"),
    ]

    /// Temporary public holidays designated by the government.
    private static let temporary: [String] = [
        "2002-07-01", "2015-08-14", "2016-05-06", "2017-10-02", "2020-08-17", "2023-10-02", "2024-10-01",
        "2025-01-27",
    ]

    /// Every built-in holiday 2000–2050, in date order.
    static func all() -> [Holiday] {
        var entries: [Entry] = []
        for row in LunarTable.rows { entries += base(row) }
        for (iso, name, nameKo) in knownElections {
            entries.append(single(LocalDate(iso: iso)!, name, nameKo, .none))
        }
        for iso in temporary {
            entries.append(single(LocalDate(iso: iso)!, "Temporary Holiday", "임시공휴일", .none))
        }
        var occupied = Set(entries.map { $0.holiday.date.dayNumber })
        // Statutory election days after 2026, computed after the other holidays they must avoid.
        var elections: [Entry] = []
        for year in 2027...LunarTable.lastYear {
            if (year - 2028) % 4 == 0 {
                elections.append(single(electionDay(onOrAfter: LocalDate(year: year, month: 4, day: 9)!, occupied),
                    "National Assembly Election Day", "국회의원선거일", .none))
            }
            if (year - 2030) % 4 == 0 {
                elections.append(single(electionDay(onOrAfter: LocalDate(year: year, month: 5, day: 31)!, occupied),
                    "Local Election Day", "전국동시지방선거일", .none))
            }
            if (year - 2030) % 5 == 0 {
                elections.append(single(electionDay(onOrAfter: LocalDate(year: year, month: 3, day: 25)!, occupied),
                    "Presidential Election Day", "대통령선거일", .none))
            }
        }
        entries += elections
        occupied.formUnion(elections.map { $0.holiday.date.dayNumber })

        // Substitute holidays: one per overlapping date, in date order.
        var countByDay: [Int: Int] = [:]
        for entry in entries { countByDay[entry.holiday.date.dayNumber, default: 0] += 1 }
        entries.sort { $0.holiday.date < $1.holiday.date }
        var claimedDays = Set<Int>()
        var substitutes: [Holiday] = []
        for entry in entries where entry.substitution != .none {
            let day = entry.holiday.date.dayNumber
            let weekday = LocalDate.weekday(dayNumber: day)
            let weekendHit = entry.substitution == .weekendOrOverlap ? weekday >= 5 : weekday == 6
            guard weekendHit || countByDay[day, default: 0] > 1, !claimedDays.contains(day) else { continue }
            claimedDays.insert(day)
            var candidate = entry.groupEnd + 1
            while LocalDate.weekday(dayNumber: candidate) >= 5 || occupied.contains(candidate) { candidate += 1 }
            occupied.insert(candidate)
            substitutes.append(Holiday(
                date: LocalDate(dayNumber: candidate), name: "Substitute Holiday (\(entry.holiday.name))",
                nameKo: "대체공휴일(\(entry.holiday.nameKo))", substitute: true))
        }
        return (entries.map(\.holiday) + substitutes).sorted { $0.date < $1.date }
    }

    private static func base(
        _ row: (year: Int, seollal: (Int, Int), buddha: (Int, Int), chuseok: (Int, Int))
    ) -> [Entry] {
        let year = row.year
        func date(_ month: Int, _ day: Int) -> LocalDate { LocalDate(year: year, month: month, day: day)! }
        var result: [Entry] = []
        func add(_ month: Int, _ day: Int, _ name: String, _ nameKo: String, from: Int) {
            result.append(single(date(month, day), name, nameKo, year >= from ? .weekendOrOverlap : .none))
        }
        add(1, 1, "New Year's Day", "신정", from: Int.max)
        add(3, 1, "Independence Movement Day", "삼일절", from: 2021)
        if year <= 2005 { add(4, 5, "Arbor Day", "식목일", from: Int.max) }
        add(5, 5, "Children's Day", "어린이날", from: 2014)
        let buddha = date(row.buddha.0, row.buddha.1)
        result.append(single(buddha, "Buddha's Birthday", "부처님오신날", year >= 2023 ? .weekendOrOverlap : .none))
        add(6, 6, "Memorial Day", "현충일", from: Int.max)
        if year <= 2007 || year >= 2026 { add(7, 17, "Constitution Day", "제헌절", from: 2026) }
        add(8, 15, "Liberation Day", "광복절", from: 2021)
        add(10, 3, "National Foundation Day", "개천절", from: 2021)
        if year >= 2013 { add(10, 9, "Hangul Day", "한글날", from: 2021) }
        add(12, 25, "Christmas Day", "성탄절", from: 2023)
        for (center, name, nameKo) in [(row.seollal, "Seollal", "설날"), (row.chuseok, "Chuseok", "추석")] {
            let day = date(center.0, center.1).dayNumber
            for offset in -1...1 {
                result.append(Entry(
                    holiday: Holiday(date: LocalDate(dayNumber: day + offset), name: name, nameKo: nameKo),
                    substitution: year >= 2014 ? .sundayOrOverlap : .none, groupEnd: day + 1))
            }
        }
        return result
    }

    private static func single(_ date: LocalDate, _ name: String, _ nameKo: String, _ substitution: Substitution) -> Entry {
        Entry(holiday: Holiday(date: date, name: name, nameKo: nameKo), substitution: substitution, groupEnd: date.dayNumber)
    }

    /// 공직선거법 제34조: the first Wednesday on or after `start`; a week later when that Wednesday, or the
    /// day before or after it, is a holiday.
    private static func electionDay(onOrAfter start: LocalDate, _ holidays: Set<Int>) -> LocalDate {
        var day = start.dayNumber
        while LocalDate.weekday(dayNumber: day) != 2 { day += 1 }
        while holidays.contains(day) || holidays.contains(day - 1) || holidays.contains(day + 1) { day += 7 }
        return LocalDate(dayNumber: day)
    }
}
