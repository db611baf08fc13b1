public import Foundation

/// The quote for one issuance: what it costs and the full quote as an opaque JSON document
/// (the fee module's `Quote`, encoded).
public struct QuotedIssuance: Sendable, Hashable, Codable {
    /// The issuance quoted.
    public var issuanceID: UUID
    /// What the resident pays for it (all copies, after exemptions); zero is allowed.
    public var amount: Money
    /// The quote, recorded as is in the `paid` entry.
    public var quote: LedgerJSON

    /// A quote of `amount` for `issuanceID`.
    public init(issuanceID: UUID, amount: Money, quote: LedgerJSON) {
        self.issuanceID = issuanceID
        self.amount = amount
        self.quote = quote
    }
}
