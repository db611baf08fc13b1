/// The price of one issuance, line by line, shown to the resident before payment and recorded in the
/// ledger once paid (it is then frozen: later fee changes do not touch it). `total` is the sum of the lines.
public struct Quote: Sendable, Hashable, Codable {
    /// One line of the breakdown.
    public struct Line: Sendable, Hashable, Codable {
        /// What the line is.
        public enum Kind: String, Sendable, Hashable, Codable {
            /// Fee per copy × copies.
            case fee
            /// Page surcharge per extra page × extra pages × copies.
            case pageSurcharge = "page-surcharge"
            /// A waiver (negative amount).
            case exemption
        }
        /// The kind of line.
        public var kind: Kind
        /// Korean label, as printed on the screen and the receipt.
        public var labelKo: String
        /// English label.
        public var labelEn: String
        /// Price of one unit (negative for an exemption).
        public var unitPrice: Money
        /// Number of units.
        public var quantity: Int
        /// `unitPrice × quantity`.
        public var amount: Money
    }

    /// Code of the document quoted.
    public var documentCode: String
    /// Catalog version the fee was taken from.
    public var catalogVersion: Int
    /// Copies.
    public var copies: Int
    /// Pages per copy.
    public var pages: Int
    /// Whether the out-of-district fee applied.
    public var outOfDistrict: Bool
    /// The breakdown, in display order.
    public var lines: [Line]
    /// The exemption applied, if any.
    public var exemption: ExemptionKind?
    /// Amount to pay (never negative).
    public var total: Money
}
