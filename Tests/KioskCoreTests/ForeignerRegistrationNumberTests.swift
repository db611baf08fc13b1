import KioskCore
import Testing

/// Foreigners' registration numbers (외국인등록번호, 7th digit 5–8) beyond the table in ResidentNumberTests:
/// their century, impossible dates, the legacy check digit (+2) reported but never required, and numbers
/// issued after October 2020.
@Suite struct ForeignerRegistrationNumberTests {
    static let impossible: [(String, ResidentNumberError)] = [
        ("000229-5234567", .impossibleDate(yymmdd: "000229", year: 1900)),  // 5: 1900s, 1900 is not a leap year
        ("010229-7234567", .impossibleDate(yymmdd: "010229", year: 2001)),  // 7: 2000s
        ("880431-6234567", .impossibleDate(yymmdd: "880431", year: 1988)),
        ("051301-8234567", .impossibleDate(yymmdd: "051301", year: 2005)),
    ]

    @Test(arguments: impossible)
    func impossibleDatesUseTheForeignersCentury(_ text: String, _ expected: ResidentNumberError) {
        #expect(throws: expected) { try ResidentNumber(text) }
    }

    @Test func theLegacyForeignerCheckDigitAddsTwoAndIsNeverRequired() throws {
        // 750505-512345: weighted sum 192, 11 − 192 mod 11 = 6, plus 2 for foreigners = 8.
        #expect(try ResidentNumber("750505-5123458").hasLegacyCheckDigit)
        #expect(!(try ResidentNumber("750505-5123456").hasLegacyCheckDigit))  // the citizens' rule's digit
        #expect(try ResidentNumber("750505-5123456").isForeignerRegistration)
    }

    @Test func numbersIssuedAfterOctober2020AreValidWhateverTheLastDigit() throws {
        for last in 0...9 {
            let number = try ResidentNumber("210315-748213\(last)")
            #expect(number.isForeignerRegistration)
            #expect(number.birthDate == LocalDate(year: 2021, month: 3, day: 15))
            #expect(number.sex == .male)
        }
        let today = LocalDate(year: 2026, month: 11, day: 22)!
        #expect(throws: ResidentNumberError.birthDateInFuture(seventhDigit: 8, birthDate: LocalDate(year: 2027, month: 1, day: 1)!)) {
            try ResidentNumber("270101-8234567", today: today)
        }
    }
}
