/// The JSON body of every 4xx/5xx answer from kiosk-central.
public struct CentralProblem: Sendable, Hashable, Codable, Error, CustomStringConvertible {
    /// A stable machine-readable code (`bad-signature`, `chain-gap`, `tampered`, `bad-json`, …).
    public var error: String
    /// A sentence naming the problem.
    public var reason: String
    /// For `chain-gap` (409): the sequence central expects next.
    public var expectedSequence: Int64?

    /// A problem with a code, a reason and, for gaps, the expected sequence.
    public init(error: String, reason: String, expectedSequence: Int64? = nil) {
        self.error = error
        self.reason = reason
        self.expectedSequence = expectedSequence
    }

    /// `error: reason`.
    public var description: String { "\(error): \(reason)" }
}
