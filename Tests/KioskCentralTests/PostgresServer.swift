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

    /// The one server of this test process, started on first use.
    static let shared: Result<PostgresServer, ChildProcess.Failure> = {
        do {
            let server = try PostgresServer()
            atexit { PostgresServer.stopShared() }
            return .success(server)
        } catch let error as ChildProcess.Failure {
            return .failure(error)
        } catch {
            return .failure(ChildProcess.Failure(description: "\(error)"))
        }
    }()

    private static func stopShared() {
        if case .success(let server) = shared { server.stop() }
    }

    /// Runs a command to completion (synchronously), as `postgres` when we are root.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let command = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + arguments : arguments
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ChildProcess.Failure(description: "\(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(output)")
        }
        return output
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

    private init() throws {
        guard let bin = Self.binaries else {
            throw ChildProcess.Failure(description: "PostgreSQL is not installed (scripts/ensure-deps.sh central installs it)")
        }
        folder = "/tmp/kiosk-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if getuid() == 0, let owner = try? Self.ownerIDs() { chown(folder, owner.0, owner.1) }
        port = Self.freePort()
        try Self.run([bin + "/initdb", "-D", folder + "/data", "-U", user, "-A", "trust", "--no-sync", "-E", "UTF8"])
        try Self.run([
            bin + "/pg_ctl", "-D", folder + "/data", "-l", folder + "/server.log", "-w", "-t", "60",
            "-o", "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", "start",
        ])
    }

    static func ownerIDs() throws -> (uid_t, gid_t) {
        guard let entry = getpwnam("postgres") else { throw ChildProcess.Failure(description: "no postgres user") }
        return (entry.pointee.pw_uid, entry.pointee.pw_gid)
    }

    /// A new empty database's name.
    func createDatabase() throws -> String {
        lock.lock()
        nextDatabase += 1
        let name = "kiosk_test_\(nextDatabase)"
        lock.unlock()
        try Self.run([Self.binaries! + "/createdb", "-h", "127.0.0.1", "-p", "\(port)", "-U", user, name])
        return name
    }

    func stop() {
        guard let bin = Self.binaries else { return }
        _ = try? Self.run([bin + "/pg_ctl", "-D", folder + "/data", "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }
}
