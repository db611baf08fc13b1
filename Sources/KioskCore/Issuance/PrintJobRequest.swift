public import Foundation

/// What the daemon needs to prepare one print job.
public struct PrintJobRequest: Sendable, Hashable {
    /// The issuance printed.
    public var issuanceID: UUID
    /// The number to print on the document.
    public var issuanceNumber: IssuanceNumber
    /// The catalog code of the document.
    public var documentCode: String
    /// How many copies.
    public var copies: Int
    /// The options chosen.
    public var options: LedgerJSON?

    /// A job request for `copies` copies of `documentCode` bearing `issuanceNumber`.
    public init(issuanceID: UUID, issuanceNumber: IssuanceNumber, documentCode: String, copies: Int, options: LedgerJSON?) {
        self.issuanceID = issuanceID
        self.issuanceNumber = issuanceNumber
        self.documentCode = documentCode
        self.copies = copies
        self.options = options
    }
}
