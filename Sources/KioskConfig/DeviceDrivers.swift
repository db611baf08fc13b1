/// The drivers each device accepts and the settings each driver takes. A driver listed here but not
/// built into this kioskd is refused when the daemon starts, with a clear error.
public enum DeviceDrivers {
    /// Known drivers per device.
    public static let known: [String: [String]] = [
        "printer": ["simulated", "ipp"],
        "fingerprint": ["simulated", "nb1010"],
        "cash": ["simulated", "cctalk"],
        "card": ["simulated"],
    ]

    /// Settings whose values are paths (resolved against the configuration file's folder).
    public static let pathSettings: Set<String> = ["spool", "state"]

    /// Settings that are tables or arrays of tables, read by the driver's own validator.
    public static let nestedSettings: Set<String> = ["coin_acceptor", "bill_validator", "hopper"]

    /// The settings `driver` of `device` accepts, or nil for an unknown driver.
    public static func settings(device: String, driver: String) -> [String]? {
        switch (device, driver) {
        case ("printer", "simulated"): ["spool", "print_ms"]
        case ("printer", "ipp"):
            ["uri", "poll_interval_ms", "connect_timeout_ms", "request_timeout_ms", "busy_retries", "busy_backoff_ms", "media",
             "toner_low_percent", "user_name"]
        case ("fingerprint", "simulated"): ["finger_seed", "place_ms"]
        case ("fingerprint", "nb1010"):
            ["bus", "address", "transfer_timeout_ms", "poll_interval_ms", "capture_timeout_s", "attempts", "quality_threshold"]
        case ("cash", "simulated"): ["state"]
        case ("cash", "cctalk"):
            ["baud", "checksum", "local_echo", "reply_timeout_ms", "retries", "poll_interval_ms", "payout_timeout_ms",
             "coin_acceptor", "bill_validator", "hopper"]
        case ("card", "simulated"): ["delay_ms"]
        default: nil
        }
    }
}
