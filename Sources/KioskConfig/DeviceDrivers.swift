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
    public static let pathSettings: Set<String> = ["spool", "state", "port", "coin_port", "bill_port", "hopper_port"]

    /// The settings `driver` of `device` accepts, or nil for an unknown driver.
    public static func settings(device: String, driver: String) -> [String]? {
        switch (device, driver) {
        case ("printer", "simulated"): ["spool", "print_ms"]
        case ("printer", "ipp"): ["uri", "poll_ms", "timeout_ms"]
        case ("fingerprint", "simulated"): ["finger_seed", "place_ms"]
        case ("fingerprint", "nb1010"): ["bus", "address", "timeout_s", "attempts", "quality_threshold"]
        case ("cash", "simulated"): ["state"]
        case ("cash", "cctalk"): ["port", "coin_address", "bill_address", "hopper_100_address", "hopper_500_address", "baud"]
        case ("card", "simulated"): ["delay_ms"]
        default: nil
        }
    }
}
