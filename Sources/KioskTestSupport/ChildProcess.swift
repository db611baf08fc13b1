public import Foundation

/// A real process started by a test: posix_spawn with an empty signal mask (Foundation.Process hands
/// the test thread's blocked signals to the child, which then ignores SIGTERM), output to files.
public final class ChildProcess: @unchecked Sendable {
    // @unchecked: `pid` is set once in init; `exitStatus` is guarded by `lock`.
    /// The child's process id.
    public let pid: pid_t
    /// Where its standard output goes.
    public let stdoutPath: String
    /// Where its standard error goes.
    public let stderrPath: String
    private let lock = NSLock()
    private var exitStatus: Int32?

    /// Why a child could not be started or did not end.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        /// A failure described by `description`.
        public init(description: String) { self.description = description }
    }

    /// Starts `executable` with `arguments`, with `environment` added to this process's (the working
    /// folder is the test's: pass absolute paths).
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], outputDirectory: String
    ) throws {
        let name = URL(fileURLWithPath: executable).lastPathComponent + "-\(UInt32.random(in: 0...UInt32.max))"
        stdoutPath = outputDirectory + "/" + name + ".out"
        stderrPath = outputDirectory + "/" + name + ".err"
        pid = try Self.spawn(executable, arguments, environment: environment, stdout: stdoutPath, stderr: stderrPath, append: false)
    }

    /// posix_spawn with stdin from /dev/null, stdout to `stdout`, stderr to `stderr` (or to stdout when
    /// `nil`), an empty signal mask and every signal at its default action (a test runner's blocked or
    /// ignored signals must not reach the child); `environment` is added to this process's.
    /// - Throws: `Failure` naming the executable when it cannot be started.
    static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String], stdout: String, stderr: String?, append: Bool
    ) throws(Failure) -> pid_t {
        let mode = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, mode, 0o644)
        if let stderr {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, mode, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(result)))") }
        return child
    }

    /// Sends `signal` (e.g. SIGTERM, SIGHUP).
    public func signal(_ signal: Int32) { kill(pid, signal) }

    /// Waits up to `timeout` for the child to exit; returns its exit code (128+N for signal N), or nil on timeout.
    public func wait(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = poll() { return status }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return poll()
    }

    /// The exit code if the child has ended.
    public func poll() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        exitStatus = code
        return code
    }

    /// Kills the child with SIGKILL (if still running) and reaps it.
    public func terminate() {
        if poll() == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            lock.lock()
            exitStatus = 128 + SIGKILL
            lock.unlock()
        }
    }

    /// Everything the child wrote to standard error so far.
    public var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
    /// Everything the child wrote to standard output so far.
    public var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }

    deinit { terminate() }
}

/// Runs `executable` to completion and returns (exit code, stdout, stderr).
public func runProcess(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(60)
) async throws -> (status: Int32, stdout: String, stderr: String) {
    let folder = FileManager.default.temporaryDirectory.path
    let child = try ChildProcess(executable, arguments, environment: environment, outputDirectory: folder)
    defer {
        try? FileManager.default.removeItem(atPath: child.stdoutPath)
        try? FileManager.default.removeItem(atPath: child.stderrPath)
    }
    guard let status = await child.wait(timeout: timeout) else {
        child.terminate()
        throw ChildProcess.Failure(description: "\(executable) \(arguments.joined(separator: " ")) did not finish within \(timeout)")
    }
    return (status, child.stdout, child.stderr)
}
