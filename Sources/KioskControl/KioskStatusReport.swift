public import KioskDevices

/// The answer to `status`: what a technician checks first.
public struct KioskStatusReport: Codable, Sendable, Equatable {
    /// Kiosk id from the configuration.
    public var kioskID: String
    /// Kiosk name.
    public var name: String
    /// kioskd version.
    public var version: String
    /// Seconds since kioskd started.
    public var uptimeSeconds: Int
    /// Whether the kiosk's hours say it is open now.
    public var openNow: Bool
    /// The next opening or closing, local time `YYYY-MM-DDTHH:MM` (nil: no change within 366 days).
    public var nextChange: String?
    /// Out of service for maintenance.
    public var maintenance: Bool
    /// Whether a resident could start a session now, and if not, why.
    public var acceptingSessions: Bool
    /// Why no session can start (closed, maintenance, device down, ledger broken); nil when accepting.
    public var notAcceptingReason: String?
    /// Every device's status.
    public var devices: [DeviceStatus]
    /// Sequence number of the newest ledger entry (nil before the first).
    public var ledgerHead: Int?
    /// Ledger entries not yet acknowledged by central (nil when sync is not configured).
    public var syncLag: Int?
    /// The UI's base URL.
    public var uiURL: String

    /// A report.
    public init(
        kioskID: String, name: String, version: String, uptimeSeconds: Int, openNow: Bool, nextChange: String?,
        maintenance: Bool, acceptingSessions: Bool, notAcceptingReason: String?, devices: [DeviceStatus],
        ledgerHead: Int?, syncLag: Int?, uiURL: String
    ) {
        self.kioskID = kioskID
        self.name = name
        self.version = version
        self.uptimeSeconds = uptimeSeconds
        self.openNow = openNow
        self.nextChange = nextChange
        self.maintenance = maintenance
        self.acceptingSessions = acceptingSessions
        self.notAcceptingReason = notAcceptingReason
        self.devices = devices
        self.ledgerHead = ledgerHead
        self.syncLag = syncLag
        self.uiURL = uiURL
    }
}

/// The answer to `maintenance on|off` and `simulate`.
public struct KioskStateChange: Codable, Sendable, Equatable {
    /// What changed, in words.
    public var message: String
    /// The devices after the change.
    public var devices: [DeviceStatus]
    /// Maintenance mode after the change.
    public var maintenance: Bool

    /// A change report.
    public init(message: String, devices: [DeviceStatus], maintenance: Bool) {
        self.message = message
        self.devices = devices
        self.maintenance = maintenance
    }
}
