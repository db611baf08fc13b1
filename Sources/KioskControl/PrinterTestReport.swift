/// The answer to `printer-test`: a sample document printed on the kiosk's configured printer.
public struct PrinterTestReport: Codable, Sendable, Equatable {
    /// `completed`, or why not: `no-paper`, `jam`, `cover-open`, `toner-empty`, `unreachable`, `busy`,
    /// `aborted`, `canceled`, `timeout`, `render-failed`.
    public var outcome: String
    /// Details for a technician.
    public var reason: String?
    /// The printer's job id, when a job was submitted.
    public var job: Int?
    /// Pages in the test document.
    public var pages: Int?
    /// The test issuance number printed on the document.
    public var issuanceNumber: String
    /// The ledger sequence number of the entry recording the test, if recorded.
    public var ledgerSequence: Int?

    /// A report.
    public init(outcome: String, reason: String?, job: Int?, pages: Int?, issuanceNumber: String, ledgerSequence: Int?) {
        self.outcome = outcome
        self.reason = reason
        self.job = job
        self.pages = pages
        self.issuanceNumber = issuanceNumber
        self.ledgerSequence = ledgerSequence
    }
}
