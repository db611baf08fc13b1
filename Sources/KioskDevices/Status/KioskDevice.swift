/// A device the kiosk drives. Conformers promise that `status()` never throws and never hangs
/// (an unreachable device reports `offline` or `noDevice`), and that every change of status is
/// published on `statusEvents()`.
public protocol KioskDevice: Sendable {
    /// Which kind of device this is.
    var kind: DeviceKind { get }
    /// The current status.
    func status() async -> DeviceStatus
    /// Every status change from now on; each call gets its own stream, which ends when the device shuts down.
    func statusEvents() -> AsyncStream<DeviceStatus>
}
