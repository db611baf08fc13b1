/// How an issuance was paid. A struct over the stored name so new methods can be added.
public struct PaymentMethod: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The stored name (`cash`, `card`, …).
    public let rawValue: String

    /// A method with the stored name `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Banknotes and coins through the cash devices.
    public static let cash = PaymentMethod(rawValue: "cash")
    /// A card terminal (IC, contactless, mobile wallet).
    public static let card = PaymentMethod(rawValue: "card")
    /// Nothing to pay: the fee is zero or fully exempt; no device is involved.
    public static let exempt = PaymentMethod(rawValue: "exempt")

    /// The stored name.
    public var description: String { rawValue }

    /// Decodes the stored name.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the stored name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
