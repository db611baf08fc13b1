/// Why a text is not a resident registration number (주민등록번호) or foreigner registration number
/// (외국인등록번호). Every case names the problem so the kiosk can tell the resident what to fix.
public enum ResidentNumberError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The number has `count` digits; it needs 13.
    case wrongLength(count: Int)
    /// The character at `position` (1-based, counting the whole text) is not a digit.
    case nonDigit(position: Int)
    /// A hyphen stands anywhere but between the 6th and 7th digit, or there is more than one.
    case misplacedHyphen(position: Int)
    /// The first six digits with the century the 7th digit gives are not a calendar date
    /// (`yymmdd` as entered, the full year from the 7th digit).
    case impossibleDate(yymmdd: String, year: Int)
    /// The 7th digit places the birth date after `today` (e.g. 7th digit 3 with 300101 is 2030-01-01).
    case birthDateInFuture(seventhDigit: Int, birthDate: LocalDate)

    /// A sentence naming the problem, without repeating the full number.
    public var description: String {
        switch self {
        case .wrongLength(let count):
            "a resident registration number has 13 digits, this one has \(count)"
        case .nonDigit(let position):
            "character \(position) is not a digit"
        case .misplacedHyphen(let position):
            "the hyphen at character \(position) must come once, after the 6th digit (yymmdd-nnnnnnn)"
        case .impossibleDate(let yymmdd, let year):
            "the birth date \(yymmdd) is not a real date in \(year)"
        case .birthDateInFuture(let seventhDigit, let birthDate):
            "the 7th digit \(seventhDigit) makes the birth date \(birthDate), which is in the future"
        }
    }
}
