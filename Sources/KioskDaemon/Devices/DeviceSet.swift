public import KioskDevices

/// The kiosk's four devices, whichever drivers serve them.
public struct DeviceSet: Sendable {
    /// The document printer.
    public let printer: any DocumentPrinter
    /// The fingerprint reader.
    public let fingerprint: any FingerprintReader
    /// The cash module.
    public let cash: any CashHandler
    /// The card terminal.
    public let card: any CardTerminal
    /// Which device kinds the kiosk cannot serve residents without.
    public let required: Set<DeviceKind>

    /// A set of devices.
    public init(
        printer: any DocumentPrinter, fingerprint: any FingerprintReader, cash: any CashHandler, card: any CardTerminal,
        required: Set<DeviceKind>
    ) {
        self.printer = printer
        self.fingerprint = fingerprint
        self.cash = cash
        self.card = card
        self.required = required
    }

    /// All four, in a fixed order.
    public var all: [any KioskDevice] { [fingerprint, printer, cash, card] }

    /// Every device's current status.
    public func statuses() async -> [DeviceStatus] {
        var result: [DeviceStatus] = []
        for device in all { result.append(await device.status()) }
        return result
    }

    /// The device that takes `fault`, if it is a simulated one.
    public func injectable(for fault: SimulatedFault) -> (any FaultInjectable)? {
        let device: any KioskDevice =
            switch fault.device {
            case .printer: printer
            case .fingerprintReader: fingerprint
            case .cash: cash
            case .cardTerminal: card
            }
        return device as? any FaultInjectable
    }
}
