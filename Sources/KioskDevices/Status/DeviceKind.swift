/// The four kinds of device a kiosk drives.
public enum DeviceKind: String, Sendable, Codable, CaseIterable {
    case fingerprintReader
    case printer
    case cash
    case cardTerminal
}
