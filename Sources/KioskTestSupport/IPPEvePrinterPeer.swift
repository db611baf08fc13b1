public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real IPP Everywhere printer for tests (shared by the printing and daemon tests): CUPS's `ippeveprinter` on a free loopback port, with its
/// own throwaway D-Bus daemon (it will not start without one), a spool folder that keeps every job's
/// file, and `Tests/Fixtures/printing/print-command.sh` as its print command, reading fault modes
/// from `faults` (see that script). Processes are spawned with an empty signal mask and stopped with
/// SIGKILL (real-peers.md §1, §6).
public final class IPPEvePrinterPeer: @unchecked Sendable {
    // Mutable state (the printer's pid) is only touched by the test that owns the peer, one call at a time.
    public let directory: URL
    public let spool: URL
    public let faults: URL
    public private(set) var port: Int
    /// A name unique to this peer, so a test can tell its printer from another test's on a reused port.
    public let name = "KioskTest-\(UUID().uuidString.prefix(8))"
    private var dbusPID: pid_t = 0
    private var printerPID: pid_t = 0

    /// The printer's URI.
    public var uri: String { "ipp://localhost:\(port)/ipp/print" }

    /// Starts D-Bus and the printer and loads A4 paper (250 sheets). Waits by suspending, never by
    /// blocking a thread of the cooperative pool.
    public init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ippeve-\(UUID().uuidString)")
        spool = directory.appendingPathComponent("spool")
        faults = directory.appendingPathComponent("faults")
        for folder in [spool, faults] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        port = try Self.freePort()
        dbusPID = try Self.spawn(
            "/usr/bin/dbus-daemon",
            ["--session", "--nofork", "--nopidfile", "--address=unix:path=\(directory.path)/bus"],
            log: directory.appendingPathComponent("dbus.log"), environment: [:])
        let bus = directory.path + "/bus"
        try await Self.waitFor { FileManager.default.fileExists(atPath: bus) }
        // Another test may grab the same free port before ippeveprinter binds it: try another port.
        var attempts = 0
        while true {
            do {
                try await startPrinter()
                break
            } catch {
                attempts += 1
                if printerPID > 0 { killPrinter() }
                guard attempts < 5 else { throw error }
                port = try Self.freePort()
            }
        }
        try loadPaper(250)
    }

    deinit { shutdown() }

    /// Kills both processes and removes the folder.
    public func shutdown() {
        for pid in [printerPID, dbusPID] where pid > 0 {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        printerPID = 0
        dbusPID = 0
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts ippeveprinter (again) on the same port and waits until it accepts connections.
    public func startPrinter() async throws {
        printerPID = try Self.spawn(
            "/usr/sbin/ippeveprinter",
            ["-n", "localhost", "-p", "\(port)", "-r", "off", "-d", spool.path, "-k",
             "-f", "application/pdf,image/pwg-raster,image/urf", "-c", Self.printCommand, name],
            log: directory.appendingPathComponent("ippeveprinter.log"),
            environment: ["DBUS_SYSTEM_BUS_ADDRESS": "unix:path=\(directory.path)/bus", "FAULT_DIR": faults.path])
        let name = name
        try await Self.waitFor { (try? self.httpGet("/"))?.contains(name) == true }
    }

    /// The printer process dies (power cut).
    public func killPrinter() {
        kill(printerPID, SIGKILL)
        var status: Int32 = 0
        waitpid(printerPID, &status, 0)
        printerPID = 0
    }

    /// Freezes the printer process (it keeps its socket but never answers). Returns once every
    /// thread of it is stopped: SIGSTOP reaches a busy thread only when it is next scheduled.
    public func freeze() async throws {
        kill(printerPID, SIGSTOP)
        let tasks = "/proc/\(printerPID)/task"
        try await Self.waitFor {
            let threads = (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []
            return !threads.isEmpty && threads.allSatisfy { thread in
                guard let stat = try? String(contentsOfFile: "\(tasks)/\(thread)/stat", encoding: .utf8),
                      let close = stat.lastIndex(of: ")") else { return false }
                return stat[stat.index(close, offsetBy: 2)] == "T"
            }
        }
    }

    /// Lets a frozen printer run again.
    public func thaw() { kill(printerPID, SIGCONT) }

    /// Sets the main tray to `level` sheets of A4 (0 empty, 10 low, 250 full) via the printer's web form.
    public func loadPaper(_ level: Int) throws {
        _ = try httpGet("/media?size1=iso_a4_210x297mm&type1=stationery&level1=\(level)"
            + "&size3=na_number-10_4.125x9.5in&type3=envelope&level3=25")
    }

    /// Sets the black toner level in percent via the printer's web form.
    public func setToner(_ percent: Int) throws {
        _ = try httpGet("/supplies?supply1=\(percent)")
    }

    /// Turns a fault mode of the print command on or off (`jam`, `paper-out`, `cover-open`, `fail`,
    /// `slow` with seconds as `value`, `toner-low`).
    public func setFault(_ name: String, _ active: Bool, value: String = "") throws {
        let file = faults.appendingPathComponent(name)
        if active {
            try Data(value.utf8).write(to: file)
        } else {
            try? FileManager.default.removeItem(at: file)
        }
    }

    /// The bytes the printer spooled for job `id` (ippeveprinter names it `<id>-<job name>.pdf`).
    public func spooledDocument(job id: Int) throws -> Data? {
        let names = try FileManager.default.contentsOfDirectory(atPath: spool.path)
        guard let name = names.first(where: { $0.hasPrefix("\(id)-") && $0.hasSuffix(".pdf") }) else { return nil }
        return try Data(contentsOf: spool.appendingPathComponent(name))
    }

    // MARK: plumbing

    public static let printCommand: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/printing/print-command.sh").path

    /// A plain HTTP/1.0 GET on the printer's web interface; returns the body.
    public func httpGet(_ path: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PeerError("socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw PeerError("connect: \(errno)") }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: localhost:\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard send(fd, request, request.count, 0) == request.count else { throw PeerError("send failed") }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        // Read until the server closes, or the whole body (by Content-Length) has arrived.
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
            if Self.complete(response) { break }
        }
        let text = String(decoding: response, as: UTF8.self)
        guard text.hasPrefix("HTTP/1.") else { throw PeerError("no HTTP answer for \(path)") }
        guard text.split(separator: " ").dropFirst().first == "200" else {
            throw PeerError("GET \(path): \(text.prefix(40))")
        }
        return text
    }

    private static func complete(_ response: [UInt8]) -> Bool {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0...max(0, response.count - 4)).first(where: { Array(response[$0..<min($0 + 4, response.count)]) == separator })
        else { return false }
        let head = String(decoding: response[..<end], as: UTF8.self).lowercased()
        if head.contains("transfer-encoding: chunked") { return response.suffix(5) == [48, 13, 10, 13, 10] }
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return false }
        return response.count >= end + 4 + length
    }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 ? getsockname(fd, pointer, &length) : -1
            }
        }
        guard bound == 0 else { throw PeerError("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func waitFor(_ condition: () -> Bool) async throws {
        for _ in 0..<250 {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw PeerError("peer did not start within 5 s")
    }

    /// Starts `path` through `ChildProcess.spawn`, stdout and stderr appended to `log`.
    private static func spawn(_ path: String, _ arguments: [String], log: URL, environment: [String: String]) throws -> pid_t {
        do {
            return try ChildProcess.spawn(path, arguments, environment: environment, stdout: log.path, stderr: nil, append: true)
        } catch {
            throw PeerError(error.description)
        }
    }
}

/// A test peer failed to start or answer.
public struct PeerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
