import Foundation
import KioskCentral
import KioskTestSupport
import Logging

/// The storage backends the suite runs against: SQLite in a temporary file, PostgreSQL in a fresh
/// database on the test process's real server.
enum StorageBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// Runs `body` with a fresh, empty storage of this kind.
    func with<T: Sendable>(_ body: @Sendable (any CentralStorage, TemporaryDirectory) async throws -> T) async throws -> T {
        let directory = try TemporaryDirectory(prefix: "central-\(rawValue)")
        switch self {
        case .sqlite:
            return try await body(try SQLiteCentralStorage(path: directory.file("central.sqlite")), directory)
        case .postgres:
            let server = try await PostgresServer.shared.get()
            let database = try await server.createDatabase()
            let storage = PostgresCentralStorage(
                host: "127.0.0.1", port: server.port, username: server.user, password: nil, database: database,
                logger: Logger(label: "test.postgres"))
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await storage.run() }
                defer { group.cancelAll() }
                try await storage.migrate()
                return try await body(storage, directory)
            }
        }
    }
}
