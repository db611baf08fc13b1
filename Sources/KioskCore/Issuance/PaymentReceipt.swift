/// What the payment device reports when the resident has paid (money in escrow or card authorised,
/// not yet kept).
public struct PaymentReceipt: Sendable, Hashable, Codable {
    /// How it was paid.
    public var method: PaymentMethod
    /// The device's reference (approval number, escrow id).
    public var reference: String?
    /// The amount paid; must equal the quoted total.
    public var amount: Money

    /// A receipt of `amount` paid by `method`.
    public init(method: PaymentMethod, reference: String?, amount: Money) {
        self.method = method
        self.reference = reference
        self.amount = amount
    }
}
