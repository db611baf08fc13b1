import Hummingbird
import KioskSystemd
public import Logging
import ServiceLifecycle
import UnixSignals

/// The central office server: ingest, verification, reports and the status page over one storage.
public struct CentralServer: Sendable {
    private let configuration: CentralConfiguration
    private let storage: any CentralStorage
    private let environment: [String: String]
    private let logger: Logger

    /// A server for `configuration` over `storage`; `environment` carries systemd's NOTIFY_SOCKET.
    public init(configuration: CentralConfiguration, storage: any CentralStorage, environment: [String: String], logger: Logger) {
        self.configuration = configuration
        self.storage = storage
        self.environment = environment
        self.logger = logger
    }

    /// Serves until SIGTERM/SIGINT.
    public func run() async throws {
        let api = CentralAPI(storage: storage, configuration: configuration, logger: logger)
        let router = api.router()
        let identity = try CentralIdentityAPI(storage: storage, configuration: configuration, logger: logger)  // issue 8
        identity.addRoutes(to: router)
        let notifier = SystemdNotifier(environment: environment)
        let logger = self.logger
        let host = configuration.host
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port), serverName: "kiosk-central"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.notice("kiosk-central listening on http://\(host):\(port)")
                notifier?.send("READY=1\nSTATUS=listening on port \(port)")
            },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: app), .init(service: identity.loader, successTerminationBehavior: .ignore)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        notifier?.send("STOPPING=1")
    }
}
