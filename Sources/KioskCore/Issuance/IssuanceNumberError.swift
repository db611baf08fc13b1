/// Why a text is not a valid issuance number, or why a number cannot be built.
public enum IssuanceNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text does not hold 16 digits (the count found, the text).
    case wrongLength(Int, in: String)
    /// A character other than a digit or a grouping hyphen.
    case notADigit(character: String, in: String)
    /// A hyphen somewhere other than between the groups of four.
    case misplacedSeparator(String)
    /// The check digit does not match: a digit is wrong or two digits are swapped.
    case checkDigitMismatch(String)
    /// The kiosk number is outside 1…99999.
    case kioskNumberOutOfRange(Int)
    /// The sequence is outside 1…9999999999.
    case sequenceOutOfRange(Int64)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .wrongLength(let count, let text):
            "issuance number \"\(text)\" has \(count) digits; expected 16 (NNNN-NNNN-NNNN-NNNN)"
        case .notADigit(let character, let text):
            "issuance number \"\(text)\" contains \"\(character)\"; only digits and hyphens between groups of four are allowed"
        case .misplacedSeparator(let text):
            "issuance number \"\(text)\" has a hyphen out of place; expected NNNN-NNNN-NNNN-NNNN"
        case .checkDigitMismatch(let text):
            "issuance number \"\(text)\" fails its check digit: a digit is mistyped or two digits are swapped"
        case .kioskNumberOutOfRange(let number):
            "kiosk number \(number) is outside 1…\(IssuanceNumber.maximumKioskNumber)"
        case .sequenceOutOfRange(let sequence):
            "issuance sequence \(sequence) is outside 1…\(IssuanceNumber.maximumSequence)"
        }
    }
}
