import Foundation
import KioskCore
import Testing

@Suite struct HolidayCalendarTests {
    let korean = HolidayCalendar.korean

    private func names(_ iso: String) -> [String] {
        korean.holidays(on: LocalDate(iso: iso)!).map(\.nameKo)
    }

    /// Dates published by the Korean government (관공서 공휴일 / 월력요항).
    @Test(arguments: [
        ("2024-02-09", "설날"), ("2024-02-10", "설날"), ("2024-02-11", "설날"), ("2024-02-12", "대체공휴일(설날)"),
        ("2025-10-05", "추석"), ("2025-10-06", "추석"), ("2025-10-07", "추석"), ("2025-10-08", "대체공휴일(추석)"),
        ("2023-05-27", "부처님오신날"), ("2023-05-29", "대체공휴일(부처님오신날)"),
        ("2025-05-05", "어린이날"), ("2025-05-05", "부처님오신날"), ("2025-05-06", "대체공휴일(어린이날)"),
        ("2021-08-16", "대체공휴일(광복절)"), ("2021-10-04", "대체공휴일(개천절)"), ("2021-10-11", "대체공휴일(한글날)"),
        ("2014-09-10", "대체공휴일(추석)"), ("2017-01-30", "대체공휴일(설날)"), ("2017-10-06", "대체공휴일(추석)"),
        ("2023-01-24", "대체공휴일(설날)"), ("2024-05-06", "대체공휴일(어린이날)"), ("2025-03-03", "대체공휴일(삼일절)"),
        ("2026-03-02", "대체공휴일(삼일절)"), ("2026-05-25", "대체공휴일(부처님오신날)"), ("2026-08-17", "대체공휴일(광복절)"),
        ("2026-10-05", "대체공휴일(개천절)"),
        ("2022-03-09", "대통령선거일"), ("2022-06-01", "전국동시지방선거일"), ("2024-04-10", "국회의원선거일"),
        ("2025-06-03", "대통령선거일"), ("2017-05-09", "대통령선거일"), ("2026-06-03", "전국동시지방선거일"),
        ("2024-10-01", "임시공휴일"), ("2025-01-27", "임시공휴일"), ("2023-10-02", "임시공휴일"), ("2020-08-17", "임시공휴일"),
        ("2005-04-05", "식목일"), ("2007-07-17", "제헌절"), ("2026-07-17", "제헌절"), ("2013-10-09", "한글날"),
        ("2000-02-05", "설날"), ("2050-12-25", "성탄절"),
    ])
    func knownDates(_ iso: String, _ nameKo: String) {
        #expect(names(iso).contains(nameKo), "\(iso): \(names(iso))")
    }

    @Test(arguments: ["2006-04-05", "2008-07-17", "2025-07-17", "2012-10-09", "2024-02-13", "2025-10-10", "2022-03-08", "2019-05-01"])
    func notHolidays(_ iso: String) {
        #expect(!korean.isHoliday(LocalDate(iso: iso)!), "\(iso): \(names(iso))")
    }

    /// Seollal and Chuseok (lunar 1/1 and 8/15) for a sample of years, as published by KASI.
    @Test(arguments: [
        (2000, "2000-02-05", "2000-09-12"), (2010, "2010-02-14", "2010-09-22"), (2015, "2015-02-19", "2015-09-27"),
        (2020, "2020-01-25", "2020-10-01"), (2023, "2023-01-22", "2023-09-29"), (2026, "2026-02-17", "2026-09-25"),
        (2030, "2030-02-03", "2030-09-12"),
    ])
    func lunarHolidaysMatchKASI(_ year: Int, _ seollal: String, _ chuseok: String) {
        let entries = korean.holidays(in: year)
        let seollalDays = entries.filter { $0.nameKo == "설날" }.map(\.date)
        let chuseokDays = entries.filter { $0.nameKo == "추석" }.map(\.date)
        #expect(seollalDays.count == 3 && seollalDays[1] == LocalDate(iso: seollal))
        #expect(chuseokDays.count == 3 && chuseokDays[1] == LocalDate(iso: chuseok))
    }

    @Test func everyYearHasItsFixedHolidays() {
        for year in HolidayCalendar.koreanYears {
            let names = Set(korean.holidays(in: year).map(\.nameKo))
            for name in ["신정", "설날", "삼일절", "어린이날", "부처님오신날", "현충일", "광복절", "추석", "개천절", "성탄절"] {
                #expect(names.contains(name), "\(year) lacks \(name)")
            }
            #expect(names.contains("한글날") == (year >= 2013), "\(year) 한글날")
        }
    }

    @Test func substitutesNeverFallOnWeekendsOrOtherHolidays() {
        for year in HolidayCalendar.koreanYears {
            for holiday in korean.holidays(in: year) where holiday.substitute {
                #expect(holiday.date.weekday < 5, "\(holiday.date) \(holiday.nameKo) on a weekend")
                #expect(korean.holidays(on: holiday.date).count == 1, "\(holiday.date) substitute overlaps")
            }
        }
    }

    @Test func statutoryElectionDaysAreWednesdaysClearOfHolidays() {
        for year in 2027...2050 {
            for holiday in korean.holidays(in: year) where holiday.nameKo.hasSuffix("선거일") {
                #expect(holiday.date.weekday == 2, "\(holiday.date)")
                #expect(!korean.isHoliday(holiday.date.adding(days: -1)) && !korean.isHoliday(holiday.date.adding(days: 1)))
            }
        }
        #expect(names("2028-04-12").contains("국회의원선거일"))
        #expect(names("2030-03-27").contains("대통령선거일"))
    }

    @Test func overlayAddsDates() {
        let extra = Holiday(date: LocalDate(iso: "2026-12-31")!, name: "Kiosk closure", nameKo: "휴무")
        let calendar = korean.adding([extra])
        #expect(calendar.isHoliday(LocalDate(iso: "2026-12-31")!))
        #expect(!korean.isHoliday(LocalDate(iso: "2026-12-31")!))
        #expect(calendar.isHoliday(LocalDate(iso: "2026-12-25")!))
        #expect(HolidayCalendar(dates: []).holidays(in: 2026).isEmpty)
    }

    @Test func localDatesRoundTrip() throws {
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            let date = LocalDate(dayNumber: day)
            #expect(date.dayNumber == day)
            #expect(LocalDate(iso: date.description) == date || date.year < 0)
        }
        #expect(LocalDate(iso: "2024-02-30") == nil)
        #expect(LocalDate(iso: "2024-02-29")?.weekday == 3)
        let data = try JSONEncoder().encode(LocalDate(iso: "2026-01-05")!)
        #expect(String(decoding: data, as: UTF8.self) == "\"2026-01-05\"")
    }
}
