import Logging
import ServiceLifecycle
import KioskSync

/// Asks kiosk-central for the agencies' state every `interval` and keeps `BackendAvailability` current;
/// logs every document that leaves or returns to the menu.
struct AgencyWatchService: Service {
    let agencies: CentralAgencyStatus
    let availability: BackendAvailability
    let interval: Duration
    let logger: Logger

    func run() async throws {
        var lastFailure: String?
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do throws(SyncError) {
                let report = try await agencies.fetch()
                lastFailure = nil
                let changed = await availability.update(report)
                for code in changed {
                    if let reason = await availability.reason(for: code) {
                        logger.warning("document \(code) leaves the menu: \(reason)")
                    } else {
                        logger.notice("document \(code) is available again")
                    }
                }
            } catch {
                if lastFailure != error.description { logger.warning("agency status from central: \(error)") }
                lastFailure = error.description
            }
            try? await Task.sleep(for: interval)
        }
    }
}
