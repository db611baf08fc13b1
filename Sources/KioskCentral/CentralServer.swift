import Hummingbird
import KioskSystemd
public import Logging
import ServiceLifecycle
import UnixSignals

/// The central office server. For now it answers `GET /healthz`; ingest, verification and reports
/// arrive with the central issue.
public struct CentralServer: Sendable {
    private let host: String
    private let port: Int
    private let environment: [String: String]
    private let logger: Logger

    /// A server listening on `host:port`; `environment` carries systemd's NOTIFY_SOCKET.
    public init(host: String, port: Int, environment: [String: String], logger: Logger) {
        self.host = host
        self.port = port
        self.environment = environment
        self.logger = logger
    }

    /// Serves until SIGTERM/SIGINT.
    public func run() async throws {
        let router = Router()
        router.get("/healthz") { _, _ in "ok\n" }
        let notifier = SystemdNotifier(environment: environment)
        let logger = self.logger
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "kiosk-central"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.notice("kiosk-central listening on http://\(self.host):\(port)")
                notifier?.send("READY=1\nSTATUS=listening on port \(port)")
            },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        notifier?.send("STOPPING=1")
    }
}
