/// One condition at one kiosk that central staff should act on (`GET /v1/alerts`).
public struct CentralAlert: Sendable, Hashable, Codable {
    /// How urgent: `critical` stops issuing (or already did), `warning` will if nobody acts.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case warning
        case critical

        /// Critical sorts first.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .critical && rhs == .warning }
    }

    /// The kiosk.
    public var kioskID: String
    /// Its name.
    public var kioskName: String
    /// Its district.
    public var district: String
    /// What is wrong: `offline`, `never-seen`, `tampered`, `paper-low`, `paper-empty`, `toner-low`,
    /// `toner-empty`, `hopper-low`, `hopper-empty`, `cash-box-nearly-full`, `cash-box-full`,
    /// `device-fault`, `sync-lag`.
    public var kind: String
    /// How urgent.
    public var severity: Severity
    /// A sentence for staff (which device, denomination, count, for how long).
    public var detail: String
    /// The heartbeat this is read from (UTC milliseconds received), if any.
    public var observedAtUTCMilliseconds: Int64?

    /// An alert.
    public init(
        kioskID: String, kioskName: String, district: String, kind: String, severity: Severity, detail: String,
        observedAtUTCMilliseconds: Int64?
    ) {
        self.kioskID = kioskID
        self.kioskName = kioskName
        self.district = district
        self.kind = kind
        self.severity = severity
        self.detail = detail
        self.observedAtUTCMilliseconds = observedAtUTCMilliseconds
    }

    /// The CSV header line for `csvLine`.
    public static let csvHeader = "kiosk_id,kiosk_name,district,severity,kind,detail,observed_utc_ms\n"

    /// One CSV line.
    public var csvLine: String {
        [kioskID, kioskName, district, severity.rawValue, kind, detail, observedAtUTCMilliseconds.map(String.init) ?? ""]
            .map(CSV.field).joined(separator: ",") + "\n"
    }
}
