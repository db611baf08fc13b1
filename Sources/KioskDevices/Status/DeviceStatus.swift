/// One device's status: its XFS4IoT-style state, a human reason and device-specific details.
public struct DeviceStatus: Sendable, Codable, Equatable {
    /// Which device.
    public var kind: DeviceKind
    /// The driver serving it (`simulated`, `nb1010`, `ipp`, `cctalk`, …).
    public var driver: String
    /// The state.
    public var state: DeviceState
    /// Why the state is not `online`, in words a technician understands; nil when online.
    public var reason: String?
    /// Paper, toner, cover, jam, cash levels…
    public var details: DeviceDetails

    /// A status value.
    public init(kind: DeviceKind, driver: String, state: DeviceState, reason: String? = nil, details: DeviceDetails = DeviceDetails()) {
        self.kind = kind
        self.driver = driver
        self.state = state
        self.reason = reason
        self.details = details
    }
}
