/// Why a document could not be rendered.
public enum DocumentRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A font the renderer needs is not installed (fontconfig matched another family).
    case fontNotFound(family: String, matched: String)
    /// A character has no glyph in the font that would print it (it would print as a box).
    case missingGlyph(character: String, font: String)
    /// The issuance number is not 16 digits as `NNNN-NNNN-NNNN-NNNN`.
    case invalidIssuanceNumber(String)
    /// The date is not a calendar date.
    case invalidDate(String)
    /// A table row has a different number of cells than the table has columns.
    case malformedTable(section: String, row: Int, cells: Int, columns: Int)
    /// A value is empty where the document needs one (title, authority, verification URL).
    case missingValue(String)
    /// cairo or libqrencode failed.
    case library(String)

    /// The message, naming the bad value.
    public var description: String {
        switch self {
        case .fontNotFound(let family, let matched):
            "font \(family) is not installed (fontconfig offered \(matched)); install fonts-nanum"
        case .missingGlyph(let character, let font):
            "character \(character) (U+\(character.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: "+"))) has no glyph in \(font)"
        case .invalidIssuanceNumber(let number): "issuance number \"\(number)\" is not NNNN-NNNN-NNNN-NNNN"
        case .invalidDate(let date): "issue date \(date) is not a calendar date"
        case .malformedTable(let section, let row, let cells, let columns):
            "table \"\(section)\" row \(row) has \(cells) cells for \(columns) columns"
        case .missingValue(let what): "the document has no \(what)"
        case .library(let message): "rendering failed: \(message)"
        }
    }
}
