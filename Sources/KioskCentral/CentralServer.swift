import Hummingbird
import HummingbirdCore
import HummingbirdTLS
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
    /// A `PostgresCentralStorage` runs its connection pool in the server's service group and is
    /// migrated before the first request is served.
    public init(configuration: CentralConfiguration, storage: any CentralStorage, environment: [String: String], logger: Logger) {
        self.configuration = configuration
        self.storage = storage
        self.environment = environment
        self.logger = logger
    }

    /// Serves until SIGTERM/SIGINT.
    /// - Throws: `CentralStartError` when plain HTTP is asked for off loopback or the TLS files cannot
    ///   be used; storage and bind errors as they come.
    public func run() async throws {
        if configuration.tls == nil, !CentralConfiguration.isLoopback(configuration.host) {
            throw CentralStartError.plainHTTPOffLoopback(host: configuration.host)
        }
        let authenticator = KioskRequestAuthenticator(storage: storage)
        let api = CentralAPI(storage: storage, configuration: configuration, logger: logger, authenticator: authenticator)
        let router = api.router()
        let identity = try CentralIdentityAPI(
            storage: storage, configuration: configuration, authenticator: authenticator, logger: logger)  // issue 8
        identity.addRoutes(to: router)
        let notifier = SystemdNotifier(environment: environment)
        let logger = self.logger
        let host = configuration.host
        let scheme = configuration.tls == nil ? "http" : "https"
        let server: HTTPServerBuilder
        if let tls = configuration.tls {
            server = try .tls(.http1(), tlsConfiguration: try tls.serverConfiguration())
        } else {
            server = .http1()
        }
        let app = Application(
            router: router,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port), serverName: "kiosk-central"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.notice("kiosk-central listening on \(scheme)://\(host):\(port)")
                notifier?.send("READY=1\nSTATUS=listening on port \(port)")
            },
            logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let postgres = storage as? PostgresCentralStorage {
            // The pool first (shut down last); the app waits for the tables before it binds.
            services.append(.init(service: postgres))
            services.append(.init(service: AfterMigration(storage: postgres, app: app)))
        } else {
            services.append(.init(service: app))
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services + [.init(service: identity.loader, successTerminationBehavior: .ignore)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        notifier?.send("STOPPING=1")
    }
}

/// Runs the application once PostgreSQL's tables exist (the pool runs beside it in the group).
private struct AfterMigration<App: Service>: Service {
    let storage: PostgresCentralStorage
    let app: App

    func run() async throws {
        try await storage.migrate()
        try await app.run()
    }
}
