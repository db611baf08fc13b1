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

    /// The printer job's name: it carries the issuance number, so recovery can find a job the printer
    /// accepted before its `printing` entry was written.
    public var jobName: String { Self.jobName(number: issuanceNumber, documentCode: documentCode, copies: copies) }

    /// The job name of `copies` copies of `documentCode` bearing `number`.
    public static func jobName(number: IssuanceNumber, documentCode: String, copies: Int) -> String {
        "issuance-\(number.formatted)-\(documentCode)-x\(copies)"
    }
}
