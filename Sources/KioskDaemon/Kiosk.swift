import CoreMetrics
import Foundation
import KioskConfig
import KioskCore
import KioskControl
import KioskDevices
import Logging

/// The running kiosk's shared state: configuration (reloadable), devices, maintenance mode and
/// whether new sessions may start. Everything that answers "can a resident start now?" asks here.
actor Kiosk {
    static let version = "0.1.0"

    private(set) var configuration: KioskConfiguration
    nonisolated let devices: DeviceSet
    private let metrics: KioskMetrics
    private let logger: Logger
    private let startedAt = ContinuousClock.now
    private(set) var maintenance: Bool
    private(set) var shuttingDown = false
    private(set) var uiURL = ""
    // MARK: issue 4 (sessions)
    /// The ledger, once opened at start; its problem keeps the kiosk out of service.
    private(set) var ledger: DaemonLedger?
    /// Recovery at start has finished (no session starts before).
    private(set) var recovered = false

    func attach(ledger: DaemonLedger) { self.ledger = ledger }
    func markRecovered() { recovered = true }
    func sessionStarted() { metrics.sessionsStarted.increment() }
    func issuancesCompleted(_ count: Int) { if count > 0 { metrics.issuances.increment(by: count) } }
    // MARK: issue 5 (sync): the running sync, for the status report and `kioskctl sync`.
    private(set) var sync: SyncController?
    // MARK: issue 5 (config distribution): kiosk.toml's values as loaded, and central's overlay over them;
    // `configuration` is always the overlay applied to the base.
    private(set) var baseConfiguration: KioskConfiguration
    private(set) var overlay: ConfigOverlay?
    /// The Korean public holidays plus the overlay's extra closed days.
    private var holidayCalendar = HolidayCalendar.korean

    /// Lays `overlay` (nil: none) over kiosk.toml's values; answers the effective configuration.
    func setOverlay(_ overlay: ConfigOverlay?) -> KioskConfiguration {
        self.overlay = overlay
        holidayCalendar = overlay.map { HolidayCalendar.korean.adding($0.holidays) } ?? .korean
        configuration = overlay?.applied(to: baseConfiguration) ?? baseConfiguration
        return configuration
    }

    init(configuration: KioskConfiguration, devices: DeviceSet, metrics: KioskMetrics, logger: Logger) {
        self.configuration = configuration
        self.baseConfiguration = configuration  // MARK: issue 5 (config distribution)
        self.devices = devices
        self.metrics = metrics
        self.logger = logger
        maintenance = FileManager.default.fileExists(atPath: Self.maintenanceFlag(configuration))
        metrics.maintenance.record(maintenance ? 1 : 0)
    }

    private static func maintenanceFlag(_ configuration: KioskConfiguration) -> String {
        URL(fileURLWithPath: configuration.stateDirectory).appendingPathComponent("maintenance").path
    }

    func setUIURL(_ url: String) { uiURL = url }

    // MARK: issue 5 (sync)
    /// Called by the sync service when it starts.
    func attach(sync controller: SyncController) { sync = controller }

    /// Turns maintenance (out of service) on or off; it survives a restart.
    func setMaintenance(_ on: Bool) throws {
        let flag = Self.maintenanceFlag(configuration)
        if on {
            try FileManager.default.createDirectory(atPath: configuration.stateDirectory, withIntermediateDirectories: true)
            try Data("out of service since \(Date())\n".utf8).write(to: URL(fileURLWithPath: flag))
        } else if FileManager.default.fileExists(atPath: flag) {
            try FileManager.default.removeItem(atPath: flag)
        }
        maintenance = on
        metrics.maintenance.record(on ? 1 : 0)
        logger.notice("maintenance \(on ? "on: kiosk out of service" : "off: kiosk back in service")")
    }

    /// Applies a reloaded configuration. Settings that need a restart (devices, listeners) are reported.
    func apply(_ new: KioskConfiguration) -> [String] {
        var needsRestart: [String] = []
        if new.devices != configuration.devices { needsRestart.append("devices") }
        if new.uiHost != configuration.uiHost || new.uiPort != configuration.uiPort { needsRestart.append("ui.listen") }
        if new.control != configuration.control { needsRestart.append("control") }
        if new.ledgerPath != configuration.ledgerPath { needsRestart.append("ledger.path") }
        if new.stateDirectory != configuration.stateDirectory { needsRestart.append("state.directory") }
        // MARK: issue 5 (config distribution): a reloaded kiosk.toml keeps central's overlay.
        baseConfiguration = new
        configuration = overlay?.applied(to: new) ?? new
        if let overlay, !overlay.problems(over: new).isEmpty {
            logger.warning("central configuration \(overlay.version) no longer fits the reloaded kiosk.toml: \(overlay.problems(over: new).joined(separator: "; "))")
        }
        return needsRestart
    }

    /// No new sessions from now on; called when SIGTERM arrives.
    func beginShutdown() { shuttingDown = true }

    /// The kiosk's hours with the holiday calendar and the closing-soon margin.
    var availability: ServiceAvailability {
        ServiceAvailability(
            kioskHours: configuration.kiosk.openingHours,
            calendar: holidayCalendar,  // MARK: issue 5 (extra closed days)
            closingSoonMinutes: configuration.kiosk.closingSoonMinutes)
    }

    /// Why a session cannot start now, or nil when it can.
    func reasonNotAccepting(statuses: [DeviceStatus], now: Date) -> String? {
        if shuttingDown { return "kioskd is shutting down" }
        if maintenance { return "out of service for maintenance" }
        if let problem = ledgerProblem { return "ledger: hardwareError: \(problem)" }  // MARK: issue 4
        if !recovered { return "recovering unfinished issuances" }  // MARK: issue 4
        let availability = self.availability
        if !availability.isKioskOpen(at: now) {
            let opens = availability.kioskHours.nextChange(after: now, calendar: availability.calendar)
            return "closed" + (opens.map { " until \(SeoulTime.format($0))" } ?? "")
        }
        if !availability.maySessionStart(at: now) { return "closing soon: no new session before closing" }
        let down = statuses.filter { devices.required.contains($0.kind) && !$0.state.isUsable }
        if !down.isEmpty {
            return "required device not ready: " + down.map { "\($0.kind.rawValue) (\($0.reason ?? $0.state.rawValue))" }.joined(separator: ", ")
        }
        return nil
    }

    private var ledgerProblem: String?

    /// Why the ledger cannot be written, as of the last status report (nil when it can).
    func ledgerProblemAtLastReport() -> String? { ledgerProblem }

    /// Everything `kioskctl status` shows.
    func statusReport(now: Date) async -> KioskStatusReport {
        ledgerProblem = await ledger?.problem  // MARK: issue 4
        let head = await ledger?.head  // MARK: issue 4
        let statuses = await devices.statuses()
        let reason = reasonNotAccepting(statuses: statuses, now: now)
        let elapsed = ContinuousClock.now - startedAt
        let hours = configuration.kiosk.openingHours
        let calendar = availability.calendar  // MARK: issue 5 (extra closed days)
        return KioskStatusReport(
            kioskID: configuration.kiosk.id, name: configuration.kiosk.name, version: Self.version,
            uptimeSeconds: Int(elapsed.components.seconds), openNow: hours.isOpen(at: now, calendar: calendar),
            nextChange: hours.nextChange(after: now, calendar: calendar).map(SeoulTime.format),
            maintenance: maintenance, acceptingSessions: reason == nil, notAcceptingReason: reason,
            devices: statuses, ledgerHead: head.map { Int($0) }, syncLag: await sync?.lag(ledgerHead: head), uiURL: uiURL)
    }
}
