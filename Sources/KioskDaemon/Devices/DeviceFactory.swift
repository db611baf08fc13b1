import Foundation
public import KioskConfig
import KioskDevices

/// Builds the configured drivers. A driver the configuration names but this build cannot serve is
/// refused with a clear error rather than replaced by a simulation.
public enum DeviceFactory {
    /// Why a device could not be set up.
    public struct SetupError: Error, Sendable, CustomStringConvertible {
        /// What went wrong, naming the device and driver.
        public var description: String
    }

    /// The devices `configuration` describes.
    public static func make(_ configuration: KioskConfiguration) throws -> DeviceSet {
        let state = URL(fileURLWithPath: configuration.stateDirectory)
        func device(_ name: String) -> KioskConfiguration.Device {
            configuration.devices[name] ?? KioskConfiguration.Device(driver: "simulated", required: true, settings: [:])
        }
        func milliseconds(_ setting: String?, default value: Int) -> Duration {
            .milliseconds(setting.flatMap(Int.init) ?? value)
        }

        let printerConfig = device("printer")
        let printer: any DocumentPrinter
        switch printerConfig.driver {
        case "simulated":
            let spool = printerConfig.settings["spool"].map { URL(fileURLWithPath: $0) } ?? state.appendingPathComponent("spool")
            do {
                printer = try SimulatedPrinter(spool: spool, printDuration: milliseconds(printerConfig.settings["print_ms"], default: 300))
            } catch {
                throw SetupError(description: "printer: cannot create the spool folder \(spool.path): \(error.localizedDescription)")
            }
        default:
            throw unavailable("printer", printerConfig.driver)
        }

        let readerConfig = device("fingerprint")
        let reader: any FingerprintReader
        switch readerConfig.driver {
        case "simulated":
            reader = SimulatedFingerprintReader(
                fingerSeed: readerConfig.settings["finger_seed"].flatMap(UInt64.init) ?? 1,
                placeDelay: milliseconds(readerConfig.settings["place_ms"], default: 300))
        default:
            throw unavailable("fingerprint", readerConfig.driver)
        }

        let cashConfig = device("cash")
        let cash: any CashHandler
        switch cashConfig.driver {
        case "simulated":
            let file = cashConfig.settings["state"].map { URL(fileURLWithPath: $0) } ?? state.appendingPathComponent("cash.json")
            cash = SimulatedCashHandler(stateFile: file)
        default:
            throw unavailable("cash", cashConfig.driver)
        }

        let cardConfig = device("card")
        let card: any CardTerminal
        switch cardConfig.driver {
        case "simulated":
            card = SimulatedCardTerminal(delay: milliseconds(cardConfig.settings["delay_ms"], default: 200))
        default:
            throw unavailable("card", cardConfig.driver)
        }

        var required: Set<DeviceKind> = []
        if printerConfig.required { required.insert(.printer) }
        if readerConfig.required { required.insert(.fingerprintReader) }
        if cashConfig.required { required.insert(.cash) }
        if cardConfig.required { required.insert(.cardTerminal) }
        return DeviceSet(printer: printer, fingerprint: reader, cash: cash, card: card, required: required)
    }

    private static func unavailable(_ device: String, _ driver: String) -> SetupError {
        SetupError(description: "\(device): driver \"\(driver)\" is not built into this kioskd yet")
    }
}
