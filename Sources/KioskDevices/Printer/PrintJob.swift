/// A document to print: one PDF, the job name (it carries the issuance number) and its page count.
/// A reprint (after a jam, say) is a new, explicit job for the same issuance: `reprint` counts them
/// so the ledger can record the decision and the issuance is still counted once.
public struct PrintJob: Sendable {
    /// The job name shown by the printer; carries the issuance number so a job can be traced.
    public var name: String
    /// The PDF bytes.
    public var document: [UInt8]
    /// Pages in the document (for supply accounting).
    public var pages: Int
    /// 0 for the first print of a document; n for the n-th explicit reprint of the same issuance.
    public var reprint: Int
    /// How many copies of the document the printer makes (IPP `copies`), 1 or more.
    public var copies: Int

    /// A job.
    public init(name: String, document: [UInt8], pages: Int, reprint: Int = 0, copies: Int = 1) {
        self.name = name
        self.document = document
        self.pages = pages
        self.reprint = reprint
        self.copies = max(1, copies)
    }
}

/// The printer's identifier of a submitted job (IPP job-id).
public struct PrintJobID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The numeric job id.
    public var rawValue: Int
    /// Wraps a job id.
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public var description: String { String(rawValue) }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(Int.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Where a print job is, as IPP job-state names it; held/aborted carry the printer's reasons.
public enum PrintJobState: Sendable, Equatable, Codable {
    case pending
    /// Waiting for something to be fixed (paper loaded, cover closed).
    case held(reasons: [String])
    case processing
    case completed
    /// Stopped by a fault (jam, printer error); will not complete.
    case aborted(reasons: [String])
    case canceled

    /// True when the job will not change any more.
    public var isTerminal: Bool {
        switch self {
        case .completed, .aborted, .canceled: true
        default: false
        }
    }
}

/// Why the printer did not accept or report a job.
public enum PrinterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The printer cannot be reached.
    case unreachable(String)
    /// The printer is busy with another job; retry later.
    case busy
    /// The printer refused the job.
    case rejected(String)
    /// The printer does not know this job.
    case unknownJob(PrintJobID)

    public var description: String {
        switch self {
        case .unreachable(let reason): "printer unreachable: \(reason)"
        case .busy: "printer busy"
        case .rejected(let reason): "printer refused the job: \(reason)"
        case .unknownJob(let id): "printer does not know job \(id)"
        }
    }
}
