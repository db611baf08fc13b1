import CoreMetrics
import Foundation
import KioskConfig
import KioskCore
import KioskDevices
import KioskSync
import Logging
import ServiceLifecycle

/// Pushes the ledger to kiosk-central and sends heartbeats, for as long as kioskd runs. A round runs
/// every `interval` while central answers; after failures it waits with exponential backoff and jitter.
/// `kioskctl sync now` cuts the wait short (and sends a heartbeat at once). With each heartbeat it
/// fetches central's configuration document for the `ConfigFollower`, which applies a newer good one at
/// a safe moment (retried every round while it waits). Only the follower writes to the ledger
/// (`config-changed`); sync itself never does.
struct SyncService: Service {
    let controller: SyncController
    let client: SyncClient
    let kiosk: Kiosk
    let metrics: KioskMetrics
    let logger: Logger
    var interval: Duration = .seconds(5)
    var heartbeatInterval: Duration = .seconds(60)
    var backoff = SyncBackoff()
    /// Central's configuration for this kiosk: fetched with each heartbeat, applied at a safe moment.
    var config: ConfigFollower?
    var configClient: KioskConfigClient?

    /// The service and its controller for `configuration`, or `nil` when sync is not configured
    /// (`sync.url` unset). Throws when the key file or the CA file (`sync.ca_file`) cannot be used.
    static func make(
        configuration: KioskConfiguration, ledger: DaemonLedger, kiosk: Kiosk, metrics: KioskMetrics, config: ConfigFollower? = nil,
        logger: Logger
    ) throws -> SyncService? {
        guard let url = configuration.syncURL else { return nil }
        guard let keyPath = configuration.syncKeyPath else {
            throw KioskKeyError.unreadable(path: "(sync.key unset)", reason: "sync.url is set but sync.key names no key file (create one with kioskctl keys init)")
        }
        let key = try KioskSigningKey(contentsOf: keyPath)
        // HTTPS trusts only the CA file in the configuration (the loader requires one for https).
        let trust = try configuration.syncCAFile.map { path throws(SyncTrustError) in try SyncTrust(caFile: path) }
        if url.lowercased().hasPrefix("https:"), trust == nil {
            throw SyncTrustError.unreadable(path: "(unset)", reason: "sync.url is https, which needs sync.ca_file naming the CA to trust")
        }
        let client = SyncClient(
            baseURL: url, kioskID: configuration.kiosk.id, key: key, timeout: .seconds(configuration.syncTimeoutSeconds), trust: trust)
        let outbox = SyncOutbox(source: ledger, client: client, key: key)
        var service = SyncService(controller: SyncController(outbox: outbox), client: client, kiosk: kiosk, metrics: metrics, logger: logger)
        if let config {
            service.config = config
            service.configClient = KioskConfigClient(
                baseURL: url, kioskID: configuration.kiosk.id, key: key, timeout: .seconds(configuration.syncTimeoutSeconds), trust: trust)
        }
        return service
    }

    func run() async throws {
        await kiosk.attach(sync: controller)
        var lastHeartbeat: ContinuousClock.Instant?
        var requested = false
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var wait = interval
            do {
                // Graceful shutdown stops sync first and waits for it: a request to a central that does not
                // answer must not hold the kiosk's shutdown for the whole request timeout.
                let outbox = controller.outbox
                let stored = try await cancelWhenGracefulShutdown { try await outbox.pushPending() }
                if stored > 0 { logger.info("sync: central stored \(stored) entries") }
            } catch {
                let failures = await controller.outbox.consecutiveFailures
                wait = backoff.delay(afterFailures: failures, jitter: Double.random(in: 0...1))
                logger.warning("sync failed (\(failures) in a row), retrying in \(wait): \(error)")
            }
            if Task.isShuttingDownGracefully || Task.isCancelled { break }
            let status = await controller.outbox.status
            metrics.syncLag.record(await controller.lag(ledgerHead: await kiosk.ledger?.head))
            // A `kioskctl sync now` also sends the heartbeat and asks for central's configuration.
            if requested || (lastHeartbeat.map({ ContinuousClock.now - $0 >= heartbeatInterval }) ?? true) {
                lastHeartbeat = ContinuousClock.now
                await followConfiguration()
                await sendHeartbeat(status)
            } else if let config {
                await config.applyPendingIfSafe()  // a version waiting for the session to end
            }
            requested = false
            let deadline = ContinuousClock.now + wait
            while ContinuousClock.now < deadline, !Task.isShuttingDownGracefully, !Task.isCancelled {
                if await controller.takeRequest() {
                    requested = true
                    break
                }
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    /// Fetches central's configuration, offers it to the follower and applies it if the moment is safe.
    private func followConfiguration() async {
        guard let config, let configClient else { return }
        do {
            await config.offer(try await cancelWhenGracefulShutdown { try await configClient.fetch() })
        } catch {
            logger.info("central configuration not fetched: \(error)")
        }
        await config.applyPendingIfSafe()
    }

    private func sendHeartbeat(_ status: SyncStatus) async {
        let configReport = await config?.report()
        let statuses = await kiosk.devices.statuses()
        let printer = statuses.first { $0.kind == .printer }
        let cash = statuses.compactMap(\.details.cashLevels).flatMap { $0 }
        var heartbeat = KioskHeartbeat(
            kioskID: client.kioskID, sentAtUTCMilliseconds: Int64(Date().timeIntervalSince1970 * 1000),
            lastSequence: status.lastSequence, syncLag: status.lag,
            devices: statuses.map { DeviceReport(name: $0.kind.rawValue, state: $0.state.rawValue, detail: $0.reason) },
            paperLevel: printer?.details.paper?.rawValue, tonerLevel: printer?.details.toner?.rawValue,
            cashWon: cash.isEmpty ? nil : cash.reduce(0) { $0 + $1.denomination.won * $1.count },
            cashLevels: cash.isEmpty ? nil : cash.map { CashLevelReport(denominationWon: $0.denomination.won, count: $0.count, level: $0.level.rawValue) },
            cashBoxLevel: statuses.compactMap(\.details.cashBox).first?.rawValue, configRefused: configReport?.refused)
        heartbeat.configVersion = configReport?.version
        do {
            let client = self.client
            let beat = heartbeat
            let ack = try await cancelWhenGracefulShutdown { try await client.heartbeat(beat) }
            await controller.outbox.noteAcknowledged(ack)
        } catch {
            logger.info("heartbeat not delivered: \(error)")
        }
    }
}
