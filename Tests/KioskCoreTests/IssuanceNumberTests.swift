import Foundation
import KioskCore
import Testing

@Suite("Issuance numbers")
struct IssuanceNumberTests {
    static let samples: [(kiosk: Int, sequence: Int64)] = [
        (1, 1), (42, 7), (12_345, 9_876_543_210), (99_999, 9_999_999_999), (1_024, 1_000_000), (30_001, 123),
    ]

    @Test("formats as NNNN-NNNN-NNNN-NNNN with kiosk, sequence and check digit inside", arguments: samples)
    func layout(kiosk: Int, sequence: Int64) throws {
        let number = try IssuanceNumber(kioskNumber: kiosk, sequence: sequence)
        #expect(number.digits.count == 16)
        #expect(number.formatted.count == 19)
        #expect(number.formatted.split(separator: "-").map(\.count) == [4, 4, 4, 4])
        #expect(number.kioskNumber == kiosk)
        #expect(number.sequence == sequence)
        #expect(try IssuanceNumber(parsing: number.formatted) == number)
        #expect(try IssuanceNumber(parsing: number.digits) == number)
    }

    @Test("a known value: kiosk 42, sequence 7")
    func knownValue() throws {
        let number = try IssuanceNumber(kioskNumber: 42, sequence: 7)
        // Body 000420000000007; its Damm check digit (0) was computed independently with the
        // standard table in a Python one-liner.
        #expect(number.formatted == "0004-2000-0000-0070")
        #expect(number.checkDigit == 0)
    }

    @Test("every single-digit error is detected", arguments: samples)
    func singleDigitErrors(kiosk: Int, sequence: Int64) throws {
        let digits = Array(try IssuanceNumber(kioskNumber: kiosk, sequence: sequence).digits)
        for position in 0..<16 {
            for replacement in "0123456789" where replacement != digits[position] {
                var changed = digits
                changed[position] = replacement
                #expect(throws: IssuanceNumberError.self, "position \(position) → \(replacement)") {
                    try IssuanceNumber(parsing: String(changed))
                }
            }
        }
    }

    @Test("every adjacent transposition of different digits is detected", arguments: samples)
    func adjacentSwaps(kiosk: Int, sequence: Int64) throws {
        let digits = Array(try IssuanceNumber(kioskNumber: kiosk, sequence: sequence).digits)
        for position in 0..<15 where digits[position] != digits[position + 1] {
            var swapped = digits
            swapped.swapAt(position, position + 1)
            #expect(!IssuanceNumber.isValid(String(swapped)), "swap at \(position)")
        }
    }

    @Test("exhaustively over 1,000 consecutive sequences: every single-digit error and adjacent swap is caught")
    func exhaustiveRange() throws {
        var checked = 0
        for sequence in Int64(1)...1_000 {
            let digits = Array(try IssuanceNumber(kioskNumber: 777, sequence: sequence).digits)
            for position in 0..<16 {
                for replacement in "0123456789" where replacement != digits[position] {
                    var changed = digits
                    changed[position] = replacement
                    if IssuanceNumber.isValid(String(changed)) { Issue.record("undetected \(String(changed))") }
                    checked += 1
                }
                if position < 15 && digits[position] != digits[position + 1] {
                    var swapped = digits
                    swapped.swapAt(position, position + 1)
                    if IssuanceNumber.isValid(String(swapped)) { Issue.record("undetected swap \(String(swapped))") }
                    checked += 1
                }
            }
        }
        #expect(checked > 1_000 * 144)
    }

    @Test("bad text is refused with an error naming the problem", arguments: [
        ("0004-2000-0000-007", IssuanceNumberError.wrongLength(15, in: "0004-2000-0000-007")),
        ("0004-2000-0000-00701", .wrongLength(17, in: "0004-2000-0000-00701")),
        ("0004-2000-0000-007X", .notADigit(character: "X", in: "0004-2000-0000-007X")),
        ("00042-000-0000-0070", .misplacedSeparator("00042-000-0000-0070")),
        ("0004--2000-0000-0070", .misplacedSeparator("0004--2000-0000-0070")),
        ("0004-2000-0000-0073", .checkDigitMismatch("0004-2000-0000-0073")),
    ])
    func badText(text: String, expected: IssuanceNumberError) {
        #expect(throws: expected) { try IssuanceNumber(parsing: text) }
        #expect(!expected.description.isEmpty)
    }

    @Test("out-of-range kiosk numbers and sequences are refused")
    func ranges() {
        #expect(throws: IssuanceNumberError.kioskNumberOutOfRange(0)) { try IssuanceNumber(kioskNumber: 0, sequence: 1) }
        #expect(throws: IssuanceNumberError.kioskNumberOutOfRange(100_000)) { try IssuanceNumber(kioskNumber: 100_000, sequence: 1) }
        #expect(throws: IssuanceNumberError.sequenceOutOfRange(0)) { try IssuanceNumber(kioskNumber: 1, sequence: 0) }
        #expect(throws: IssuanceNumberError.sequenceOutOfRange(10_000_000_000)) {
            try IssuanceNumber(kioskNumber: 1, sequence: 10_000_000_000)
        }
    }

    @Test("numbers order by kiosk then sequence, and survive Codable")
    func orderAndCodable() throws {
        let a = try IssuanceNumber(kioskNumber: 5, sequence: 99)
        let b = try IssuanceNumber(kioskNumber: 5, sequence: 100)
        let c = try IssuanceNumber(kioskNumber: 6, sequence: 1)
        #expect(a < b && b < c)
        let data = try JSONEncoder().encode([a, b, c])
        #expect(try JSONDecoder().decode([IssuanceNumber].self, from: data) == [a, b, c])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([IssuanceNumber].self, from: Data(#"["0004-2000-0000-0073"]"#.utf8)) }
    }
}
