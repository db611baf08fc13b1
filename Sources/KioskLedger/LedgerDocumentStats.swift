public import KioskCore

/// One document's figures over a time range (a day): issuances and money.
public struct LedgerDocumentStats: Sendable, Hashable, Codable {
    /// The document's catalog code.
    public var documentCode: String
    /// Issuances that ended `issued`.
    public var issued: Int
    /// Copies printed in those issuances.
    public var copies: Int
    /// Money taken (`paid` entries).
    public var paid: Money
    /// Money returned (`refunded` entries).
    public var refunded: Money
    /// Refunds owed (`refund-owed` entries).
    public var owed: Money

    /// Paid minus refunded minus owed.
    public var revenue: Money { paid - refunded - owed }
}
