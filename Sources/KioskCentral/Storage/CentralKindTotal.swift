/// How many entries of one kind one kiosk made for one document in a period, and their amounts.
public struct CentralKindTotal: Sendable, Hashable {
    /// The kiosk.
    public var kioskID: String
    /// The document code.
    public var documentCode: String
    /// The entry kind (`paid`, `issued`, `failed`, `refunded`, `refund-owed`).
    public var kind: String
    /// The number of entries.
    public var count: Int
    /// The sum of their copies.
    public var copies: Int
    /// The sum of their amounts in won.
    public var amountWon: Int

    /// A total.
    public init(kioskID: String, documentCode: String, kind: String, count: Int, copies: Int, amountWon: Int) {
        self.kioskID = kioskID
        self.documentCode = documentCode
        self.kind = kind
        self.count = count
        self.copies = copies
        self.amountWon = amountWon
    }
}
