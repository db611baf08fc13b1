import ArgumentParser
import Foundation
import KioskCentral
import Logging

/// Where kiosk-central keeps its data: a SQLite file (default) or a PostgreSQL database.
struct StorageOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (the default storage).")
    var database = "central.sqlite"

    @Option(
        name: .long,
        help: "Use PostgreSQL instead of SQLite: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (PGPASSWORD is read when the URL has no password).")
    var postgres: String?

    /// The PostgreSQL settings in `--postgres`, or `nil` for SQLite.
    func postgresSettings() throws -> PostgresSettings? {
        guard let postgres else { return nil }
        guard let components = URLComponents(string: postgres), ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty, let user = components.user, !user.isEmpty
        else {
            throw ValidationError("--postgres must be postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, got \"\(postgres)\"")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw ValidationError("--postgres names no database: postgres://USER@HOST:PORT/DATABASE")
        }
        return PostgresSettings(
            host: host, port: components.port ?? 5432, user: user,
            password: components.password ?? ProcessInfo.processInfo.environment["PGPASSWORD"], database: database)
    }

    /// The storage, not yet running: PostgreSQL's pool runs inside the server's service group
    /// (`serve`) or `withStorage` (one-shot commands).
    func open(logger: Logger) throws -> any CentralStorage {
        if let settings = try postgresSettings() {
            return PostgresCentralStorage(
                host: settings.host, port: settings.port, username: settings.user, password: settings.password, database: settings.database,
                logger: logger)
        }
        return try SQLiteCentralStorage(path: database)
    }

    /// Runs `body` with the storage ready (PostgreSQL: pool running and tables migrated).
    func withStorage<T: Sendable>(_ body: @Sendable (any CentralStorage) async throws -> T) async throws -> T {
        let storage = try open(logger: Logger(label: "kiosk-central"))
        guard let postgres = storage as? PostgresCentralStorage else { return try await body(storage) }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await postgres.run() }
            defer { group.cancelAll() }
            try await postgres.migrate()
            return try await body(postgres)
        }
    }
}

/// PostgreSQL connection settings parsed from `--postgres`.
struct PostgresSettings {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
}
