/// An amount of Korean won: integer, never floating point. Negative values are allowed for refunds and
/// differences; fees themselves are validated to be non-negative where they are loaded.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in won.
    public var won: Int

    /// An amount of `won` Korean won.
    public init(won: Int) { self.won = won }

    /// Zero won.
    public static let zero = Money(won: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(won: lhs.won + rhs.won) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(won: lhs.won - rhs.won) }
    public static func * (lhs: Money, rhs: Int) -> Money { Money(won: lhs.won * rhs) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.won += rhs.won }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.won -= rhs.won }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.won < rhs.won }

    /// "1,000원" — thousands separated, as Korean receipts print it.
    public var description: String {
        let digits = String(abs(won))
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (won < 0 ? "-" : "") + grouped + "원"
    }

    public init(from decoder: any Decoder) throws {
        self.won = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(won)
    }
}
