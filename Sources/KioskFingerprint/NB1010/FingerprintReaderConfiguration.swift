/// How the daemon configures a real reader (table `[fingerprint]` of kiosk.toml): `driver`
/// (`"nb1010"`), optional `bus` and `address`, `transfer_timeout_ms`, `poll_interval_ms`,
/// `capture_timeout_s`, `attempts` and `quality_threshold`.
public struct FingerprintReaderConfiguration: Sendable, Equatable {
    /// Driver name; `"nb1010"` is the one real driver (`"simulated"` stays the daemon's).
    public var driver: String
    /// Only the reader on this USB bus, if set (`bus`).
    public var bus: UInt8?
    /// Only the reader at this USB address, if set (`address`).
    public var address: UInt8?
    /// Timeout of each USB transfer; also how fast a cancelled capture stops (`transfer_timeout_ms`, default 500).
    public var transferTimeout: Duration
    /// Pause between finger checks while waiting for a finger (`poll_interval_ms`, default 100).
    public var pollInterval: Duration
    /// How long the daemon lets one capture wait for a finger (`capture_timeout_s`, default 20).
    public var captureTimeout: Duration
    /// Captures the daemon allows per identification before the fallback path (`attempts`, default 3).
    public var attempts: Int
    /// Quality policy; `quality_threshold` sets its minimum score (default 40).
    public var quality: QualityPolicy

    /// A configuration with the defaults above.
    public init(
        driver: String = "nb1010", bus: UInt8? = nil, address: UInt8? = nil,
        transferTimeout: Duration = .milliseconds(500), pollInterval: Duration = .milliseconds(100),
        captureTimeout: Duration = .seconds(20), attempts: Int = 3, quality: QualityPolicy = QualityPolicy()
    ) {
        self.driver = driver
        self.bus = bus
        self.address = address
        self.transferTimeout = transferTimeout
        self.pollInterval = pollInterval
        self.captureTimeout = captureTimeout
        self.attempts = attempts
        self.quality = quality
    }
}
