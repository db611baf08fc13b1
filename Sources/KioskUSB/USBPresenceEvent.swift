/// A device matching a watch arrived on or left the bus.
public enum USBPresenceEvent: Sendable, Hashable {
    /// The device is connected (reported once for every device present when watching starts).
    case arrived(USBDeviceInfo)
    /// The device was unplugged.
    case left(USBDeviceInfo)
}
