import KioskCore
import Testing

@Suite struct ResidentNumberTests {
    /// (text, birth date, sex, foreigner)
    static let valid: [(String, String, ResidentNumber.Sex, Bool)] = [
        ("900101-1234568", "1990-01-01", .male, false),     // pre-2020, legacy check digit holds
        ("9001011234560", "1990-01-01", .male, false),      // no hyphen; check digit does not hold: still valid
        ("850615-2000000", "1985-06-15", .female, false),
        ("040229-3987654", "2004-02-29", .male, false),     // leap day, 2000s
        ("211130-4519283", "2021-11-30", .female, false),   // issued after October 2020: random last digit
        ("750505-5123456", "1975-05-05", .male, true),      // foreigner, 1900s
        ("880808-6123456", "1988-08-08", .female, true),
        ("100310-7123456", "2010-03-10", .male, true),      // foreigner, 2000s
        ("050505-8123456", "2005-05-05", .female, true),
        ("991231-9123456", "1899-12-31", .male, false),     // 1800s
        ("990101-0123456", "1899-01-01", .female, false),
        ("  000229-3123456 ", "2000-02-29", .male, false),  // spaces around; 2000 is a leap year
    ]

    @Test(arguments: valid)
    func parsesValidNumbers(_ text: String, _ birth: String, _ sex: ResidentNumber.Sex, _ foreigner: Bool) throws {
        let number = try ResidentNumber(text)
        #expect(number.birthDate == LocalDate(iso: birth))
        #expect(number.sex == sex)
        #expect(number.isForeignerRegistration == foreigner)
    }

    @Test func legacyCheckDigitIsReportedButNeverRequired() throws {
        #expect(try ResidentNumber("900101-1234568").hasLegacyCheckDigit)
        let newStyle = try ResidentNumber("900101-1234560")
        #expect(!newStyle.hasLegacyCheckDigit)
        #expect(newStyle.unmaskedDigits == "9001011234560")
    }

    static let invalid: [(String, ResidentNumberError)] = [
        ("900101-123456", .wrongLength(count: 12)),
        ("90010112345678", .wrongLength(count: 14)),
        ("", .wrongLength(count: 0)),
        ("900101-12345a7", .nonDigit(position: 13)),
        ("９00101-1234567", .nonDigit(position: 1)),        // full-width digit
        ("90010-11234567", .misplacedHyphen(position: 6)),
        ("900101--1234567", .misplacedHyphen(position: 8)),
        ("901301-1234567", .impossibleDate(yymmdd: "901301", year: 1990)),
        ("900230-2234567", .impossibleDate(yymmdd: "900230", year: 1990)),
        ("010229-3234567", .impossibleDate(yymmdd: "010229", year: 2001)),
        ("000229-1234567", .impossibleDate(yymmdd: "000229", year: 1900)),  // 1900 is not a leap year
        ("900100-1234567", .impossibleDate(yymmdd: "900100", year: 1990)),
    ]

    @Test(arguments: invalid)
    func refusesMalformedNumbersNamingTheProblem(_ text: String, _ expected: ResidentNumberError) {
        #expect(throws: expected) { try ResidentNumber(text) }
    }

    @Test func seventhDigitThatPutsTheBirthInTheFutureIsRefused() throws {
        let today = LocalDate(year: 2026, month: 11, day: 22)!
        #expect(throws: ResidentNumberError.birthDateInFuture(seventhDigit: 3, birthDate: LocalDate(year: 2030, month: 1, day: 1)!)) {
            try ResidentNumber("300101-3234567", today: today)
        }
        // The same digits with 7th digit 1 are a 1930 birth, fine.
        #expect(try ResidentNumber("300101-1234567", today: today).birthDate.year == 1930)
        #expect(try ResidentNumber("261122-4234567", today: today).birthDate == today)
    }

    @Test func errorsNameTheProblemWithoutTheNumber() {
        let message = ResidentNumberError.impossibleDate(yymmdd: "901301", year: 1990).description
        #expect(message.contains("901301") && message.contains("1990"))
        #expect(ResidentNumberError.wrongLength(count: 12).description.contains("13 digits"))
        #expect(ResidentNumberError.nonDigit(position: 4).description.contains("character 4"))
    }

    @Test func printsOnlyTheMaskedForm() throws {
        let number = try ResidentNumber("900101-1234568")
        #expect(number.masked == "900101-1******")
        #expect("\(number)" == "900101-1******")
        #expect(String(describing: number) == "900101-1******")
        #expect(!String(reflecting: number).contains("234568"))
        #expect(!"\([number])".contains("234568"))
    }

    @Test func wipeZeroesTheDigits() throws {
        var number = try ResidentNumber("900101-1234568")
        number.wipe()
        #expect(number.unmaskedDigits == "0000000000000")
        #expect(number.masked == "000000-0******")
    }
}
