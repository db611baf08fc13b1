/// The number printed on every issued document and recorded in the ledger, like Government24's
/// 문서확인번호: 16 decimal digits shown as `NNNN-NNNN-NNNN-NNNN`.
///
/// Layout (digit positions 1–16, left to right):
/// - 1–5: the kiosk number, `00001`…`99999` (unique per kiosk across the country, assigned centrally);
/// - 6–15: the kiosk's issuance sequence, `0000000001`…`9999999999` (monotonic per kiosk);
/// - 16: a Damm check digit over digits 1–15.
///
/// The kiosk number makes numbers unique across all kiosks; the sequence makes them unique on one kiosk.
/// The Damm check digit (a totally anti-symmetric quasigroup of order 10) detects every single-digit
/// error and every transposition of two adjacent digits, so a mistyped number is refused instead of
/// naming another document.
public struct IssuanceNumber: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The 16 digits without separators.
    public let digits: String

    /// The largest kiosk number the layout holds.
    public static let maximumKioskNumber = 99_999
    /// The largest sequence the layout holds.
    public static let maximumSequence: Int64 = 9_999_999_999

    /// The number for `sequence` on kiosk `kioskNumber`, with its check digit.
    /// - Throws: `IssuanceNumberError.kioskNumberOutOfRange` or `.sequenceOutOfRange`.
    public init(kioskNumber: Int, sequence: Int64) throws(IssuanceNumberError) {
        guard (1...Self.maximumKioskNumber).contains(kioskNumber) else {
            throw .kioskNumberOutOfRange(kioskNumber)
        }
        guard (1...Self.maximumSequence).contains(sequence) else { throw .sequenceOutOfRange(sequence) }
        let kiosk = String(kioskNumber)
        let sequenceText = String(sequence)
        let body = String(repeating: "0", count: 5 - kiosk.count) + kiosk
            + String(repeating: "0", count: 10 - sequenceText.count) + sequenceText
        let check = Self.dammCheckDigit(body.utf8.map { Int($0 - 48) })
        self.digits = body + String(check)
    }

    /// Parses `NNNN-NNNN-NNNN-NNNN` or 16 digits without separators; spaces around are ignored.
    /// - Throws: `IssuanceNumberError` naming what is wrong (length, a non-digit, the check digit, a zero
    ///   kiosk number or sequence).
    public init(parsing text: String) throws(IssuanceNumberError) {
        let trimmed = text.trimmingSpaces()
        var digits: [Int] = []
        let characters = Array(trimmed)
        for (index, character) in characters.enumerated() {
            if character == "-" {
                // Separators are accepted only at the grouping positions: after digits 4, 8 and 12.
                guard [4, 8, 12].contains(digits.count), index > 0, characters[index - 1] != "-" else {
                    throw .misplacedSeparator(text)
                }
                continue
            }
            guard let ascii = character.asciiValue, (48...57).contains(ascii) else {
                throw .notADigit(character: String(character), in: text)
            }
            digits.append(Int(ascii - 48))
        }
        guard digits.count == 16 else { throw .wrongLength(digits.count, in: text) }
        guard Self.dammCheckDigit(digits) == 0 else { throw .checkDigitMismatch(text) }
        let number = digits.map(String.init).joined()
        self.digits = number
        guard kioskNumber > 0 else { throw .kioskNumberOutOfRange(0) }
        guard sequence > 0 else { throw .sequenceOutOfRange(0) }
    }

    /// Whether `text` parses as a valid issuance number.
    public static func isValid(_ text: String) -> Bool {
        (try? IssuanceNumber(parsing: text)) != nil
    }

    /// The kiosk number (digits 1–5).
    public var kioskNumber: Int { Int(digits.prefix(5))! }

    /// The kiosk's issuance sequence (digits 6–15).
    public var sequence: Int64 { Int64(digits.dropFirst(5).prefix(10))! }

    /// The check digit (digit 16).
    public var checkDigit: Int { Int(String(digits.last!))! }

    /// `NNNN-NNNN-NNNN-NNNN`, as printed on the document.
    public var formatted: String {
        let characters = Array(digits)
        return stride(from: 0, to: 16, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The formatted number.
    public var description: String { formatted }

    /// Orders by kiosk number, then sequence.
    public static func < (lhs: IssuanceNumber, rhs: IssuanceNumber) -> Bool { lhs.digits < rhs.digits }

    /// Decodes the formatted or plain form and validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try IssuanceNumber(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the formatted form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(formatted)
    }

    /// The Damm operation table (Damm 2004): a totally anti-symmetric quasigroup of order 10.
    private static let dammTable: [[Int]] = [
        [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
        [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
        [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
        [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
        [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
        [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
        [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
        [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
        [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
        [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
    ]

    /// The Damm interim digit of `digits`: the check digit to append to a body, or 0 for a whole valid
    /// number (body + check digit).
    static func dammCheckDigit(_ digits: [Int]) -> Int {
        digits.reduce(0) { dammTable[$0][$1] }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
