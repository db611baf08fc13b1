/// One agency back-end as `GET /v1/agencies` reports it: `state` is `open`, `closed` (outside its service
/// hours, with `closedUntilUTCMilliseconds` when known) or `down` (an operator switched it off, with `reason`).
public struct AgencyStatus: Sendable, Hashable, Codable {
    /// The agency id as in the catalog (`MOIS`, `SCOURT`, `MOLIT` …).
    public var agency: String
    /// `open`, `closed` or `down`.
    public var state: String
    /// The service hours rule (OpenStreetMap `opening_hours` subset).
    public var hours: String
    /// For `closed`: when it opens again, UTC milliseconds, if within a year.
    public var closedUntilUTCMilliseconds: Int64?
    /// For `down`: why.
    public var reason: String?
    /// The document codes this agency serves.
    public var documents: [String]

    /// A status.
    public init(agency: String, state: String, hours: String, closedUntilUTCMilliseconds: Int64? = nil, reason: String? = nil, documents: [String]) {
        self.agency = agency
        self.state = state
        self.hours = hours
        self.closedUntilUTCMilliseconds = closedUntilUTCMilliseconds
        self.reason = reason
        self.documents = documents
    }
}
