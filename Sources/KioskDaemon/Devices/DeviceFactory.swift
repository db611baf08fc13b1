import Foundation
public import KioskConfig
import KioskCore
import KioskDevices
import KioskFingerprint
import KioskPayment
import KioskPrinting
import KioskUSB
public import Logging
public import ServiceLifecycle

/// Builds the configured drivers: the simulated devices, or the real ones (IPP printer over libcups,
/// NB-1010-U reader over libusb, ccTalk cash module over serial). A driver that cannot be set up is
/// refused with an error naming the device and the reason, never replaced by a simulation.
public enum DeviceFactory {
    /// Why a device could not be set up.
    public struct SetupError: Error, Sendable, CustomStringConvertible {
        /// What went wrong, naming the device and driver.
        public var description: String
    }

    /// The validator `--check-config` runs on drivers with nested settings.
    public static let validators = KioskConfigurationLoader.Validators(deviceTable: { device, driver, table, file in
        guard device == "cash", driver == "cctalk" else { return [] }
        var reader = ConfigReader(file: file)
        _ = CCTalkSettings.read(table, reader: &reader)
        return reader.diagnostics
    })

    /// The devices `configuration` describes, and the services that keep real drivers' status current.
    public static func make(_ configuration: KioskConfiguration, logger: Logger) async throws -> (DeviceSet, [any Service]) {
        let state = URL(fileURLWithPath: configuration.stateDirectory)
        var services: [any Service] = []
        func device(_ name: String) -> KioskConfiguration.Device {
            configuration.devices[name] ?? KioskConfiguration.Device(driver: "simulated", required: true, settings: [:])
        }
        func integer(_ device: KioskConfiguration.Device, _ key: String) -> Int? { device.settings[key].flatMap { Int($0) } }
        func milliseconds(_ device: KioskConfiguration.Device, _ key: String, default value: Int) -> Duration {
            .milliseconds(integer(device, key) ?? value)
        }

        let printerConfig = device("printer")
        let printer: any DocumentPrinter
        switch printerConfig.driver {
        case "simulated":
            let spool = printerConfig.settings["spool"].map { URL(fileURLWithPath: $0) } ?? state.appendingPathComponent("spool")
            do {
                printer = try SimulatedPrinter(spool: spool, printDuration: milliseconds(printerConfig, "print_ms", default: 300))
            } catch {
                throw SetupError(description: "printer: cannot create the spool folder \(spool.path): \(error.localizedDescription)")
            }
        case "ipp":
            var ipp = IPPPrinterConfiguration(uri: printerConfig.settings["uri"] ?? "")
            ipp.pollInterval = milliseconds(printerConfig, "poll_interval_ms", default: 2000)
            ipp.connectTimeout = milliseconds(printerConfig, "connect_timeout_ms", default: 3000)
            ipp.requestTimeout = milliseconds(printerConfig, "request_timeout_ms", default: 5000)
            ipp.busyRetries = integer(printerConfig, "busy_retries") ?? ipp.busyRetries
            ipp.busyBackoff = milliseconds(printerConfig, "busy_backoff_ms", default: 100)
            ipp.media = printerConfig.settings["media"] ?? ipp.media
            ipp.tonerLowPercent = integer(printerConfig, "toner_low_percent") ?? ipp.tonerLowPercent
            ipp.userName = printerConfig.settings["user_name"] ?? ipp.userName
            do {
                let real = try IPPPrinter(configuration: ipp, logger: logger)
                printer = real
                services.append(real)
            } catch {
                throw SetupError(description: "printer (ipp): \(error)")
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
                placeDelay: milliseconds(readerConfig, "place_ms", default: 300))
        case "nb1010":
            var settings = FingerprintReaderConfiguration(driver: "nb1010")
            settings.bus = integer(readerConfig, "bus").map { UInt8(clamping: $0) }
            settings.address = integer(readerConfig, "address").map { UInt8(clamping: $0) }
            settings.transferTimeout = milliseconds(readerConfig, "transfer_timeout_ms", default: 500)
            settings.pollInterval = milliseconds(readerConfig, "poll_interval_ms", default: 100)
            settings.captureTimeout = .seconds(integer(readerConfig, "capture_timeout_s") ?? 20)
            settings.attempts = integer(readerConfig, "attempts") ?? 3
            if let threshold = integer(readerConfig, "quality_threshold") { settings.quality.minimumScore = threshold }
            do {
                let context = try USBContext()
                let nb1010 = NB1010Reader(configuration: settings, context: context, logger: logger)
                reader = nb1010
                services.append(PresenceWatch(reader: nb1010, context: context))
            } catch {
                throw SetupError(description: "fingerprint (nb1010): \(error)")
            }
        default:
            throw unavailable("fingerprint", readerConfig.driver)
        }

        let cashConfig = device("cash")
        let cash: any CashHandler
        switch cashConfig.driver {
        case "simulated":
            let file = cashConfig.settings["state"].map { URL(fileURLWithPath: $0) } ?? state.appendingPathComponent("cash.json")
            cash = SimulatedCashHandler(stateFile: file)
        case "cctalk":
            var configReader = ConfigReader(file: "kiosk.toml")
            guard let table = cashConfig.table, let settings = CCTalkSettings.read(table, reader: &configReader) else {
                throw SetupError(description: "cash (cctalk): " + configReader.diagnostics.map(\.description).joined(separator: "; "))
            }
            do {
                let handler = try CCTalkCashHandler(configuration: settings)
                try await startCCTalk(handler, logger: logger)
                cash = handler
                services.append(CashPolling(handler: handler))
            } catch {
                throw SetupError(description: "cash (cctalk): \(error)")
            }
        default:
            throw unavailable("cash", cashConfig.driver)
        }

        let cardConfig = device("card")
        let card: any CardTerminal
        switch cardConfig.driver {
        case "simulated":
            card = SimulatedCardTerminal(delay: milliseconds(cardConfig, "delay_ms", default: 200))
        default:
            throw unavailable("card", cardConfig.driver)
        }

        var required: Set<DeviceKind> = []
        if printerConfig.required { required.insert(.printer) }
        if readerConfig.required { required.insert(.fingerprintReader) }
        if cashConfig.required { required.insert(.cash) }
        if cardConfig.required { required.insert(.cardTerminal) }
        return (DeviceSet(printer: printer, fingerprint: reader, cash: cash, card: card, required: required), services)
    }

    private static func unavailable(_ device: String, _ driver: String) -> SetupError {
        SetupError(description: "\(device): driver \"\(driver)\" is not built into this kioskd")
    }
}

/// Keeps the NB-1010-U's status current as it is plugged in and out.
struct PresenceWatch: Service {
    let reader: NB1010Reader
    let context: USBContext

    func run() async throws {
        try? await cancelWhenGracefulShutdown { try await reader.watchPresence(context: context) }
    }
}

/// Polls the ccTalk devices for credit and error events.
/// Brings the ccTalk devices up, retrying when one does not answer: devices powered with the PC can
/// take seconds to answer, and a busy machine can miss a reply timeout. Three more attempts, 1, 2 and
/// 4 s apart, each logged; then the last error stops the start (systemd restarts kioskd).
/// `CCTalkCashHandler.start()` may be repeated: every step sets state or reads it.
func startCCTalk(_ handler: CCTalkCashHandler, logger: Logger) async throws(CashError) {
    var attempt = 1
    while true {
        do {
            try await handler.start()
            if attempt > 1 { logger.notice("cash (cctalk): devices answered at bring-up attempt \(attempt)") }
            return
        } catch {
            guard attempt < 4 else { throw error }
            let wait = 1 << (attempt - 1)
            logger.warning("cash (cctalk): bring-up attempt \(attempt) failed: \(error); trying again in \(wait) s")
            do { try await Task.sleep(for: .seconds(wait)) } catch { throw CashError.deviceError("start cancelled") }
            attempt += 1
        }
    }
}

struct CashPolling: Service {
    let handler: CCTalkCashHandler

    func run() async throws {
        await cancelWhenGracefulShutdown { await handler.run() }
    }
}
