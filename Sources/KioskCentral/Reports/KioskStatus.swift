public import KioskSync

/// One kiosk in `GET /v1/kiosks`: registry data, what central holds of its ledger and its last heartbeat.
public struct KioskStatus: Sendable, Hashable, Codable {
    /// The kiosk id.
    public var id: String
    /// Its name.
    public var name: String
    /// Its district.
    public var district: String
    /// Its location.
    public var location: String
    /// Whether a heartbeat arrived within the online window.
    public var online: Bool
    /// When the last heartbeat arrived, UTC milliseconds, if ever.
    public var lastSeenUTCMilliseconds: Int64?
    /// Why it is flagged as tampered, if it is.
    public var tamperedReason: String?
    /// The last sequence central holds.
    public var ackedSequence: Int64
    /// The last heartbeat, if any (devices, levels, sync lag).
    public var heartbeat: KioskHeartbeat?

    /// A status.
    public init(
        id: String, name: String, district: String, location: String, online: Bool, lastSeenUTCMilliseconds: Int64?,
        tamperedReason: String?, ackedSequence: Int64, heartbeat: KioskHeartbeat?
    ) {
        self.id = id
        self.name = name
        self.district = district
        self.location = location
        self.online = online
        self.lastSeenUTCMilliseconds = lastSeenUTCMilliseconds
        self.tamperedReason = tamperedReason
        self.ackedSequence = ackedSequence
        self.heartbeat = heartbeat
    }

    /// The CSV header line for `csvLine`.
    public static let csvHeader =
        "id,name,district,location,online,last_seen_utc_ms,tampered,acked_sequence,sync_lag,paper,toner,cash_won,devices\n"

    /// One CSV line.
    public var csvLine: String {
        let devices = (heartbeat?.devices ?? []).map { "\($0.name)=\($0.state)" }.joined(separator: ";")
        let fields: [String] = [
            id, name, district, location, online ? "true" : "false", lastSeenUTCMilliseconds.map(String.init) ?? "",
            tamperedReason ?? "", "\(ackedSequence)", heartbeat.map { "\($0.syncLag)" } ?? "",
            heartbeat?.paperLevel ?? "", heartbeat?.tonerLevel ?? "",
            heartbeat?.cashWon.map(String.init) ?? "", devices,
        ]
        return fields.map(CSV.field).joined(separator: ",") + "\n"
    }
}
