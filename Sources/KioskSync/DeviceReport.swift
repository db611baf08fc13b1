/// One device in a heartbeat.
public struct DeviceReport: Sendable, Hashable, Codable {
    /// The device's role (`printer`, `fingerprint`, `cash`, `card`).
    public var name: String
    /// Its state as the kiosk's status model names it (`online`, `offline`, `hardwareError`, …).
    public var state: String
    /// A short detail (printer-state-reasons, an error), never personal data.
    public var detail: String?

    /// A device report.
    public init(name: String, state: String, detail: String? = nil) {
        self.name = name
        self.state = state
        self.detail = detail
    }
}
