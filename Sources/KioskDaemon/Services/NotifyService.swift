import Foundation
import KioskSystemd
import KioskControl
import KioskDevices
import Logging
import ServiceLifecycle

/// Tells systemd how the daemon is doing: READY=1 once listening, STATUS= with a one-line summary on
/// every device change, WATCHDOG=1 at half the watchdog interval, STOPPING=1 at shutdown. Also keeps
/// the device metrics current and logs device changes.
struct NotifyService: Service {
    let kiosk: Kiosk
    let notifier: SystemdNotifier?
    let watchdogInterval: Duration?
    let readiness: Readiness
    let metrics: KioskMetrics
    let logger: Logger

    func run() async throws {
        await readiness.waitUntilReady()
        let summary = await self.summary()
        notifier?.send("READY=1\nSTATUS=\(summary)")
        logger.notice("kioskd ready", metadata: ["kiosk.status": "\(summary)"])
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                if let watchdogInterval, let notifier {
                    group.addTask {
                        while !Task.isCancelled && !Task.isShuttingDownGracefully {
                            notifier.send("WATCHDOG=1")
                            try? await Task.sleep(for: watchdogInterval)
                        }
                    }
                }
                for device in kiosk.devices.all {
                    group.addTask {
                        var previous: DeviceStatus?
                        for await status in device.statusEvents().cancelOnGracefulShutdown() {
                            metrics.record(status)
                            if let previous, previous != status {
                                logger.notice(
                                    "device \(status.kind.rawValue): \(status.state.rawValue)",
                                    metadata: ["kiosk.device.reason": "\(status.reason ?? "")"])
                                notifier?.send("STATUS=\(await self.summary())")
                            }
                            previous = status
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            notifier?.send("STOPPING=1\nSTATUS=shutting down")
        }
    }

    /// `JINJU-0001: accepting sessions; printer online, …` — one line for `systemctl status`.
    func summary() async -> String {
        let report = await kiosk.statusReport(now: Date())
        let devices = report.devices.map { "\($0.kind.rawValue) \($0.state.rawValue)" }.joined(separator: ", ")
        let state = report.acceptingSessions ? "accepting sessions" : "not accepting sessions (\(report.notAcceptingReason ?? ""))"
        return "\(report.kioskID): \(state); \(devices)"
    }
}
