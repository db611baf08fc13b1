import Foundation
import KioskSystemd
public import KioskConfig
import KioskControl
import KioskCore  // issue 4
public import Logging
import Metrics
public import Prometheus
import ServiceLifecycle
import UnixSignals

/// kioskd's composition root: loads the configuration, builds the devices and runs every service
/// (control socket, UI listener, systemd notifications, SIGHUP reload) in one ServiceGroup until
/// SIGTERM/SIGINT, then shuts down gracefully within 10 s.
public struct KioskDaemon: Sendable {
    /// What the executable hands over: the configuration file, the process environment and the
    /// metrics registry it bootstrapped.
    public struct Options: Sendable {
        public var configPath: String
        public var environment: [String: String]
        public var registry: PrometheusCollectorRegistry
        public var logger: Logger

        /// Options for one run.
        public init(configPath: String, environment: [String: String], registry: PrometheusCollectorRegistry, logger: Logger) {
            self.configPath = configPath
            self.environment = environment
            self.registry = registry
            self.logger = logger
        }
    }

    /// Why the daemon could not start.
    public enum StartError: Error, CustomStringConvertible {
        case configuration(ConfigDiagnostics)
        case devices(String)

        public var description: String {
            switch self {
            case .configuration(let diagnostics): diagnostics.description
            case .devices(let message): message
            }
        }
    }

    private let options: Options

    /// A daemon for `options`.
    public init(options: Options) { self.options = options }

    /// Validates the configuration file: every problem, or nothing.
    public static func checkConfiguration(path: String) -> Result<Void, ConfigDiagnostics> {
        do {
            _ = try KioskConfigurationLoader.load(path: path, validators: validators)
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    static var validators: KioskConfigurationLoader.Validators { DeviceFactory.validators }

    /// Runs until a shutdown signal; throws `StartError` when it cannot start.
    public func run() async throws {
        let logger = options.logger
        let configuration: KioskConfiguration
        do {
            configuration = try KioskConfigurationLoader.load(path: options.configPath, validators: Self.validators)
        } catch {
            throw StartError.configuration(error)
        }
        let devices: DeviceSet
        let deviceServices: [any Service]
        do {
            try FileManager.default.createDirectory(atPath: configuration.stateDirectory, withIntermediateDirectories: true)
            (devices, deviceServices) = try await DeviceFactory.make(configuration, logger: logger)
        } catch {
            throw StartError.devices("\(error)")
        }
        let metrics = KioskMetrics(factory: PrometheusMetricsFactory(registry: options.registry))
        let kiosk = Kiosk(configuration: configuration, devices: devices, metrics: metrics, logger: logger)
        // MARK: issue 4 (sessions): the ledger, recovery at start, the session runner
        let ledger = await DaemonLedger.open(path: configuration.ledgerPath, metrics: metrics, logger: logger)
        await kiosk.attach(ledger: ledger)
        // MARK: issue 9 (payment): a ccTalk module's hopper counts and cash box come back from the ledger
        // (payouts a crash kept out of it are recorded) before the first session.
        if await ledger.problem == nil, await !CCTalkCashRecovery.run(ledger: ledger, cash: devices.cash, kioskID: configuration.kiosk.id, logger: logger) {
            await ledger.fail("the cash module's counts could not be restored from the ledger (see the log)")
        }
        if await ledger.problem == nil,
           await !SessionMoneyRecovery.reconcileCounters(ledger: ledger, cash: devices.cash, kioskID: configuration.kiosk.id, logger: logger) {
            await ledger.fail("recovery at start did not finish (see the log)")
        }
        if await ledger.problem == nil,
           await StartupRecovery.run(ledger: ledger, printer: devices.printer, logger: logger) == nil {
            await ledger.fail("recovery at start did not finish (see the log)")
        }
        if await ledger.problem == nil,
           await !SessionMoneyRecovery.run(ledger: ledger, card: devices.card, kioskID: configuration.kiosk.id, logger: logger) {
            await ledger.fail("recovery at start did not finish (see the log)")
        }
        await kiosk.markRecovered()
        let (jobStream, jobContinuation) = AsyncStream.makeStream(of: SessionRunner.Job.self)
        let runner = SessionRunner(
            kiosk: kiosk, ledger: ledger, devices: devices, documentSource: configuration.session.documentSource,
            jobs: jobContinuation, logger: logger)
        await runner.setCatalog(configuration.catalog.applying(configuration.catalogOverrides))
        await runner.setKioskID(configuration.kiosk.id)
        await runner.setIdleTimeout(.seconds(configuration.session.idleTimeoutSeconds))
        // MARK: issue 8 (identity)
        var agencyServices: [any Service] = []
        do {
            let backend = try IdentityBackend.make(configuration, today: SeoulTime.localDate(of: Date()))
            if let agencies = backend?.agencies, configuration.session.documentSource == "backend" {
                let availability = BackendAvailability()
                await runner.setBackendAvailability(availability)
                agencyServices.append(AgencyWatchService(
                    agencies: agencies, availability: availability, interval: .seconds(configuration.identity.agencyPollSeconds), logger: logger))
            }
            let key = backend == nil ? nil : try ResidentReferenceKey(path: configuration.stateDirectory + "/resident-reference.key")
            await runner.setIdentity(
                backend, referenceKey: key, settings: configuration.identity,
                verificationURL: configuration.syncURL.map { $0 + "/v1/verify" })
            if let backend { logger.notice("identity back-end: \(backend.name)") }
        } catch {
            logger.critical("identity back-end: \(error)")
            throw error
        }
        // MARK: issue 5 (config distribution): central's last applied configuration runs before the first session.
        let follower = ConfigFollower(
            kiosk: kiosk, runner: runner, store: ConfigOverlayStore(stateDirectory: configuration.stateDirectory), logger: logger)
        await follower.restore()
        let sessionService = SessionService(
            runner: runner, jobs: jobStream, jobsContinuation: jobContinuation, cash: devices.cash,
            drainLimit: .seconds(9), logger: logger)
        // end MARK: issue 4
        let readiness = Readiness(components: ["ui", "control"])
        let configPath = options.configPath
        let reload: @Sendable () async -> Result<[String], ConfigReloadError> = {
            do throws(ConfigDiagnostics) {
                let new = try KioskConfigurationLoader.load(path: configPath, validators: Self.validators)
                let restart = await kiosk.apply(new)
                let effective = await kiosk.configuration  // MARK: issue 5: kiosk.toml with central's overlay
                await runner.setCatalog(effective.catalog.applying(effective.catalogOverrides))  // MARK: issue 4
                await runner.setIdleTimeout(.seconds(new.session.idleTimeoutSeconds))
                logger.notice("configuration reloaded from \(configPath)")
                if !restart.isEmpty {
                    logger.warning("changed settings that take effect at the next restart: \(restart.joined(separator: ", "))")
                }
                return .success(restart)
            } catch {
                logger.error("new configuration rejected, the old one stays:\n\(error.description)")
                return .failure(ConfigReloadError(description: error.description))
            }
        }
        let control = ControlServer(
            path: configuration.control.socketPath, groupName: configuration.control.group,
            handler: KioskControlHandler(kiosk: kiosk, reload: reload, logger: logger), logger: logger)
        let ui = UIServer.makeApplication(
            kiosk: kiosk, runner: runner, host: configuration.uiHost, port: configuration.uiPort, registry: options.registry,
            readiness: readiness, logger: logger)
        let notifier = SystemdNotifier(environment: options.environment)
        let notify = NotifyService(
            kiosk: kiosk, notifier: notifier,
            watchdogInterval: SystemdNotifier.watchdogPingInterval(environment: options.environment, pid: getpid()),
            readiness: readiness, metrics: metrics, logger: logger)
        // MARK: issue 5 (sync): pushes the ledger to kiosk-central when `sync.url` is set.
        let syncServices: [any Service]
        do {
            syncServices = try SyncService.make(configuration: configuration, ledger: ledger, kiosk: kiosk, metrics: metrics, config: follower, logger: logger).map { [$0] } ?? []
        } catch {
            throw StartError.devices("sync: \(error)")
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: ControlService(server: control, readiness: readiness)),
                    .init(service: ui),
                    .init(service: ReloadService(reload: reload, logger: logger)),
                    .init(service: notify),
                    .init(service: ShutdownGate(kiosk: kiosk)),
                    .init(service: sessionService),  // MARK: issue 4: shut down first, drains paid issuances
                ] + deviceServices.map { .init(service: $0) } + syncServices.map { .init(service: $0) } /* MARK: issue 5 */
                    + agencyServices.map { .init(service: $0) } /* MARK: issue 8 */,
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
        await ledger.close()  // MARK: issue 4
        logger.notice("kioskd stopped")
    }
}

/// Marks the kiosk as shutting down (no new sessions) as soon as graceful shutdown begins.
struct ShutdownGate: Service {
    let kiosk: Kiosk

    func run() async throws {
        try? await gracefulShutdown()
        await kiosk.beginShutdown()
    }
}
