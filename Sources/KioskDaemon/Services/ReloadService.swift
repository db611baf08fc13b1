import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on SIGHUP; an invalid file is rejected with a log line and the old
/// configuration stays.
struct ReloadService: Service {
    let reload: @Sendable () async -> Result<[String], ConfigReloadError>
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            logger.notice("SIGHUP: reloading the configuration")
            _ = await reload()
        }
    }
}
