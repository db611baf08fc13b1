/// A device's state in the XFS4IoT vocabulary (`common.status.device`).
public enum DeviceState: String, Sendable, Codable, CaseIterable {
    /// Ready for use.
    case online
    /// Known but not answering (unplugged cable, printer switched off, network down).
    case offline
    /// Not present at all (no reader on the bus, nothing configured).
    case noDevice
    /// Present but broken or needing a technician (jam, empty hopper, corrupt storage).
    case hardwareError
    /// Needs the resident or an attendant to act (cover open, paper out, finger missing).
    case userError
    /// Working on something; try again shortly.
    case busy
    /// The device detected tampering or fraud (fishing a coin back, a fake note).
    case fraudAttempt

    /// True when the device can serve a resident now.
    public var isUsable: Bool { self == .online || self == .busy }
}
