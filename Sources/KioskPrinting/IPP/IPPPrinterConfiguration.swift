/// How `IPPPrinter` talks to its printer. Field names follow the `[devices.printer]` config keys
/// (snake_case in TOML: `uri`, `poll_interval_ms`, `connect_timeout_ms`, `request_timeout_ms`,
/// `busy_retries`, `busy_backoff_ms`, `media`, `toner_low_percent`, `user_name`).
public struct IPPPrinterConfiguration: Sendable, Equatable {
    /// The device URI, e.g. `ipp://192.168.0.20/ipp/print` or `ipp://localhost:631/printers/kiosk`.
    public var uri: String
    /// How often `run()` polls the printer for status changes.
    public var pollInterval: Duration
    /// How long to wait for a TCP connection.
    public var connectTimeout: Duration
    /// How long to wait for any answer on an open connection (a hung printer fails after this).
    public var requestTimeout: Duration
    /// How many times a `server-error-busy` submission is retried before `submit` throws `.busy`.
    public var busyRetries: Int
    /// The first wait before retrying a busy printer; doubles each retry, capped at 2 s.
    public var busyBackoff: Duration
    /// The media the documents need (PWG name); when the printer reports `media-ready` without it,
    /// paper counts as empty.
    public var media: String
    /// Toner at or below this percentage reads as low.
    public var tonerLowPercent: Int
    /// The IPP `requesting-user-name`.
    public var userName: String

    /// A configuration with the defaults used on kiosks.
    public init(
        uri: String,
        pollInterval: Duration = .seconds(2),
        connectTimeout: Duration = .seconds(3),
        requestTimeout: Duration = .seconds(5),
        busyRetries: Int = 8,
        busyBackoff: Duration = .milliseconds(100),
        media: String = "iso_a4_210x297mm",
        tonerLowPercent: Int = 10,
        userName: String = "kioskd"
    ) {
        self.uri = uri
        self.pollInterval = pollInterval
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.busyRetries = busyRetries
        self.busyBackoff = busyBackoff
        self.media = media
        self.tonerLowPercent = tonerLowPercent
        self.userName = userName
    }

    /// Checks every field; throws naming the first bad one.
    func validated() throws(IPPPrinterConfigurationError) -> IPPPrinterURI {
        let target = try IPPPrinterURI(uri)
        for (key, value) in [("poll_interval_ms", pollInterval), ("connect_timeout_ms", connectTimeout),
                             ("request_timeout_ms", requestTimeout), ("busy_backoff_ms", busyBackoff)]
        where value < .milliseconds(10) || value > .seconds(600) {
            throw .outOfRange(key: key, "must be between 10 ms and 600 s")
        }
        guard (0...100).contains(busyRetries) else { throw .outOfRange(key: "busy_retries", "must be 0…100") }
        guard (0...100).contains(tonerLowPercent) else {
            throw .outOfRange(key: "toner_low_percent", "must be 0…100")
        }
        return target
    }
}
