import Foundation
import KioskTestSupport

/// A real PostgreSQL server (Debian's postgresql package) for the test process: initdb into a temporary
/// folder, pg_ctl start on a free loopback port — as the `postgres` user when the tests run as root —
/// stopped when the test process exits. Each test gets its own database.
final class PostgresServer: @unchecked Sendable {
    // @unchecked: immutable after init; `nextDatabase` is guarded by `lock`.
    let port: Int
    let folder: String
    let user = "kiosk"
    private let lock = NSLock()
    private var nextDatabase = 0

    static let binaries: String? = {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
        return versions.map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: $0 + "/pg_ctl") }
    }()

    /// The one server of this test process, started on first use (asynchronously: no blocked threads).
    static let shared = SharedPostgres()

    /// Runs a command to completion, as `postgres` when we are root.
    @discardableResult
    static func run(_ arguments: [String]) async throws -> String {
        let command = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + arguments : arguments
        let result = try await runProcess(command[0], Array(command.dropFirst()), timeout: .seconds(120))
        guard result.status == 0 else {
            throw ChildProcess.Failure(description: "\(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stdout)\(result.stderr)")
        }
        return result.stdout
    }

    /// Stops the server synchronously (at process exit).
    static func stopSynchronously(folder: String) {
        guard let bin = binaries else { return }
        let command = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []
        let process = Process()
        let all = command + [bin + "/pg_ctl", "-D", folder + "/data", "-m", "immediate", "stop"]
        process.executableURL = URL(fileURLWithPath: all[0])
        process.arguments = Array(all.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    fileprivate init() async throws {
        guard let bin = Self.binaries else {
            throw ChildProcess.Failure(description: "PostgreSQL is not installed (scripts/ensure-deps.sh central installs it)")
        }
        folder = "/tmp/kiosk-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if getuid() == 0, let owner = try? Self.ownerIDs() { chown(folder, owner.0, owner.1) }
        port = Self.freePort()
        try await Self.run([bin + "/initdb", "-D", folder + "/data", "-U", user, "-A", "trust", "--no-sync", "-E", "UTF8"])
        try await Self.run([
            bin + "/pg_ctl", "-D", folder + "/data", "-l", folder + "/server.log", "-w", "-t", "60",
            "-o", "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", "start",
        ])
    }

    static func ownerIDs() throws -> (uid_t, gid_t) {
        guard let entry = getpwnam("postgres") else { throw ChildProcess.Failure(description: "no postgres user") }
        return (entry.pointee.pw_uid, entry.pointee.pw_gid)
    }

    /// A new empty database's name.
    func createDatabase() async throws -> String {
        let name = lock.withLock {
            nextDatabase += 1
            return "kiosk_test_\(nextDatabase)"
        }
        try await Self.run([Self.binaries! + "/createdb", "-h", "127.0.0.1", "-p", "\(port)", "-U", user, name])
        return name
    }

    func stop() { Self.stopSynchronously(folder: folder) }
}

/// Starts the process's PostgreSQL server once and stops it at exit.
actor SharedPostgres {
    private var starting: Task<PostgresServer, any Error>?
    nonisolated(unsafe) static var folderToStop: String?

    func get() async throws -> PostgresServer {
        if let starting { return try await starting.value }
        // One start for all callers: the actor is reentrant across the await.
        let task = Task { try await PostgresServer() }
        starting = task
        let started = try await task.value
        SharedPostgres.folderToStop = started.folder
        atexit {
            if let folder = SharedPostgres.folderToStop { PostgresServer.stopSynchronously(folder: folder) }
        }
        return started
    }
}
