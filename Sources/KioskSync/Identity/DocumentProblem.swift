/// The 404/503 body of `POST /v1/documents/{code}`: `error` is `not-found`, `agency-down` or
/// `agency-closed`; the agency and, when closed, its reopening instant.
public struct DocumentProblem: Sendable, Hashable, Codable {
    /// `not-found`, `agency-down`, `agency-closed` (or a generic problem code such as `registry-not-seeded`).
    public var error: String
    /// A sentence naming the reason.
    public var reason: String
    /// The agency concerned, for `agency-down` and `agency-closed`.
    public var agency: String?
    /// For `agency-closed`: when it opens again, UTC milliseconds, if known.
    public var reopensAtUTCMilliseconds: Int64?

    /// A problem.
    public init(error: String, reason: String, agency: String? = nil, reopensAtUTCMilliseconds: Int64? = nil) {
        self.error = error
        self.reason = reason
        self.agency = agency
        self.reopensAtUTCMilliseconds = reopensAtUTCMilliseconds
    }
}
