/// Faults that can be injected into the simulated devices at run time (through `kioskctl simulate`),
/// so a demo, the UI and tests can show every error path.
public enum SimulatedFault: String, Sendable, Codable, CaseIterable {
    case paperOut = "paper-out"
    case paperLow = "paper-low"
    case jam
    case coverOpen = "cover-open"
    case tonerLow = "toner-low"
    case printerOffline = "printer-offline"
    case fingerNotRecognised = "finger-not-recognised"
    case poorImage = "poor-image"
    case noFinger = "no-finger"
    case readerUnplugged = "reader-unplugged"
    case cardDeclined = "card-declined"
    case cardTimeout = "card-timeout"
    case cardOffline = "card-offline"
    case coinJam = "coin-jam"
    case noChange = "no-change"
    case noteRejected = "note-rejected"
    case cashFraud = "cash-fraud"

    /// The device the fault belongs to.
    public var device: DeviceKind {
        switch self {
        case .paperOut, .paperLow, .jam, .coverOpen, .tonerLow, .printerOffline: .printer
        case .fingerNotRecognised, .poorImage, .noFinger, .readerUnplugged: .fingerprintReader
        case .cardDeclined, .cardTimeout, .cardOffline: .cardTerminal
        case .coinJam, .noChange, .noteRejected, .cashFraud: .cash
        }
    }
}

extension Set<SimulatedFault> {
    /// `simulated:<fault>` for each fault, sorted: how simulated devices show injected faults in their status.
    var simulatedConditions: [String] { map { "simulated:\($0.rawValue)" }.sorted() }
}

/// A simulated device that takes injected faults.
public protocol FaultInjectable: Sendable {
    /// Turns `fault` on (`active == true`) or clears it.
    func setFault(_ fault: SimulatedFault, active: Bool) async
    /// The faults currently on.
    func activeFaults() async -> Set<SimulatedFault>
}
