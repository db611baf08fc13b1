/// A resident registration number (주민등록번호) or foreigner registration number (외국인등록번호):
/// `yymmdd-SNNNNNN`, 13 digits. The 7th digit (`S`) gives the century and sex: 1, 2, 5, 6 → 1900s;
/// 3, 4, 7, 8 → 2000s; 9, 0 → 1800s; odd → male, even → female; 5–8 are foreigners' numbers.
///
/// The last digit used to be a check digit; numbers issued since October 2020 carry a random digit
/// there instead, so the check digit is *never* required ( `hasLegacyCheckDigit` only reports it).
///
/// Privacy: `description`, `debugDescription` and string interpolation show the masked form only
/// (`900101-1******`); `unmaskedDigits` is the one way out, for the keyed hash and the wire to the
/// identity back-end. `wipe()` overwrites the digits when the session ends.
public struct ResidentNumber: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The 13 digit values, 0–9.
    private var digits: [UInt8]

    /// Parses `text`: 13 digits, optionally with one hyphen after the 6th; spaces around are ignored.
    /// When `today` is given, a birth date after it is refused (the 7th digit puts it in the future).
    /// - Throws: `ResidentNumberError` naming the first problem found.
    public init(_ text: String, today: LocalDate? = nil) throws(ResidentNumberError) {
        var values: [UInt8] = []
        values.reserveCapacity(13)
        let trimmed = text.trimmingSpaces()
        var position = 0
        for character in trimmed {
            position += 1
            if character == "-" {
                guard values.count == 6, position == 7 else { throw .misplacedHyphen(position: position) }
                continue
            }
            guard character.isASCII, let value = character.wholeNumberValue else { throw .nonDigit(position: position) }
            values.append(UInt8(value))
        }
        guard values.count == 13 else { throw .wrongLength(count: values.count) }

        let yy = Int(values[0]) * 10 + Int(values[1])
        let month = Int(values[2]) * 10 + Int(values[3])
        let day = Int(values[4]) * 10 + Int(values[5])
        let year = Self.century(seventhDigit: Int(values[6])) + yy
        guard let birth = LocalDate(year: year, month: month, day: day) else {
            throw .impossibleDate(yymmdd: values[0..<6].map(String.init).joined(), year: year)
        }
        if let today, birth > today {
            throw .birthDateInFuture(seventhDigit: Int(values[6]), birthDate: birth)
        }
        digits = values
    }

    /// The first year of the century the 7th digit gives.
    static func century(seventhDigit: Int) -> Int {
        switch seventhDigit {
        case 1, 2, 5, 6: 1900
        case 3, 4, 7, 8: 2000
        default: 1800  // 9 and 0
        }
    }

    /// The date of birth (the century from the 7th digit).
    public var birthDate: LocalDate {
        let yy = Int(digits[0]) * 10 + Int(digits[1])
        return LocalDate(
            year: Self.century(seventhDigit: Int(digits[6])) + yy,
            month: Int(digits[2]) * 10 + Int(digits[3]), day: Int(digits[4]) * 10 + Int(digits[5]))!
    }

    /// The sex the 7th digit records.
    public enum Sex: String, Sendable, Codable {
        /// Odd 7th digit.
        case male
        /// Even 7th digit.
        case female
    }

    /// The sex the 7th digit records (odd → male, even → female).
    public var sex: Sex { digits[6] % 2 == 1 ? .male : .female }

    /// True for foreigners' registration numbers (외국인등록번호, 7th digit 5–8).
    public var isForeignerRegistration: Bool { (5...8).contains(digits[6]) }

    /// The 7th digit.
    public var seventhDigit: Int { Int(digits[6]) }

    /// Whether the 13th digit equals the pre-October-2020 check digit (weights 2–9,2–5, 11 − sum mod 11,
    /// mod 10; foreigners' numbers add 2). Informational only: newer numbers do not have one.
    public var hasLegacyCheckDigit: Bool {
        let weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
        var sum = 0
        for index in 0..<12 { sum += Int(digits[index]) * weights[index] }
        var check = (11 - sum % 11) % 10
        if isForeignerRegistration { check = (check + 2) % 10 }
        return check == Int(digits[12])
    }

    /// `yymmdd-S******`: the form shown on screen and in every log line.
    public var masked: String {
        digits[0..<6].map(String.init).joined() + "-" + String(digits[6]) + "******"
    }

    /// The 13 digits without the hyphen. Only for the keyed hash and the request to the identity back-end;
    /// never log or display it.
    public var unmaskedDigits: String { digits.map(String.init).joined() }

    /// Overwrites the digits with zeros (the value then reads as `000000-0******`, not a valid number);
    /// call it when the session ends.
    public mutating func wipe() {
        for index in digits.indices { digits[index] = 0 }
    }

    /// The masked form.
    public var description: String { masked }

    /// The masked form, so debug output never reveals the number either.
    public var debugDescription: String { "ResidentNumber(\(masked))" }
}

extension String {
    /// The text without leading and trailing spaces and tabs (no Foundation in this file).
    fileprivate func trimmingSpaces() -> Substring {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
