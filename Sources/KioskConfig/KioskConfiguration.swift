public import KioskCore

/// Everything kioskd reads from `kiosk.toml`, validated. Paths are absolute (relative ones in the file
/// are resolved against the file's folder).
public struct KioskConfiguration: Sendable, Equatable {
    /// Identity and behaviour of this kiosk.
    public struct Kiosk: Sendable, Equatable {
        /// Stable kiosk id, e.g. `JINJU-0001`; also names the kiosk at central.
        public var id: String
        /// Human name shown to technicians and central.
        public var name: String
        /// District the kiosk stands in (fees for out-of-district documents).
        public var district: String
        /// IANA time zone; only `Asia/Seoul` is supported.
        public var timeZone: String
        /// Operating hours as an opening_hours rule, as written.
        public var hours: String
        /// The same rule, parsed.
        public var openingHours: OpeningHours
        /// No session starts this many minutes before closing.
        public var closingSoonMinutes: Int
        /// Production mode: debug image dumps and other developer aids are refused.
        public var production: Bool
    }

    /// Where the control socket listens and who may use it.
    public struct Control: Sendable, Equatable {
        /// Unix socket path.
        public var socketPath: String
        /// Group whose members (and root) may send requests.
        public var group: String
    }

    /// One device's driver and its settings.
    public struct Device: Sendable, Equatable {
        /// Driver name: `simulated` or a real driver (`ipp`, `nb1010`, `cctalk`, …).
        public var driver: String
        /// Whether the kiosk can serve residents without it (healthz reports 503 when a required device is down).
        public var required: Bool
        /// Driver-specific settings, as written (strings; paths already resolved).
        public var settings: [String: String]
        /// The device's whole table, for drivers with nested settings (ccTalk devices and hoppers).
        public var table: ConfigTable?

        /// A device entry.
        public init(driver: String, required: Bool, settings: [String: String], table: ConfigTable? = nil) {
            self.driver = driver
            self.required = required
            self.settings = settings
            self.table = table
        }
    }

    public var kiosk: Kiosk
    /// The catalog file.
    public var catalogPath: String
    /// The catalog as loaded, before this site's overrides.
    public var catalog: Catalog
    /// This site's overrides: disabled documents, fees by local ordinance, the district.
    public var catalogOverrides: CatalogOverrides
    /// UI listener host (loopback only) and port.
    public var uiHost: String
    public var uiPort: Int
    public var control: Control
    /// The ledger's SQLite file.
    public var ledgerPath: String
    /// State folder for simulated devices and other runtime files.
    public var stateDirectory: String
    /// Central server base URL; nil when the kiosk runs standalone.
    public var syncURL: String?
    /// The kiosk's Ed25519 key file for signing sync batches.
    public var syncKeyPath: String?
    /// The PEM file of the CA(s) the kiosk trusts for HTTPS to central (`sync.ca_file`); nothing else
    /// is trusted. Required when `syncURL` is `https`.
    public var syncCAFile: String?
    /// How long one request to central may take, seconds (`sync.timeout_seconds`, default 30); a
    /// refused TLS handshake or a central that is down is reported after this long.
    public var syncTimeoutSeconds = 30
    /// Devices by kind: `printer`, `fingerprint`, `cash`, `card`.
    public var devices: [String: Device]
    // MARK: issue 4 (sessions)
    /// Resident sessions: where document content comes from, the idle timeout, the kiosk number.
    public var session = Session()
    // MARK: issue 8 (identity)
    /// The identity and document back-end and the identity step's settings.
    public var identity = Identity()
    // MARK: issue 10 (the resident's touchscreen)
    /// The touchscreen's files and voice (`[ui] root`, `voice_command`, `voice_cache`).
    public var uiFiles = UIFiles()

    /// The device kinds a configuration must describe.
    public static let deviceNames = ["printer", "fingerprint", "cash", "card"]
}
