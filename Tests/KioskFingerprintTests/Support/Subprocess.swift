import Foundation
import KioskTestSupport

/// Runs a program to completion and collects its output, without blocking a thread of the cooperative
/// pool while it runs (the pool has one thread per core: a blocking wait there stalls every other
/// test). Kills it with SIGKILL if it outlives `limit` (a safety net, not a measurement).
struct Subprocess {
    var status: Int32
    var standardOutput: String
    var standardError: String

    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], limit: Duration = .seconds(120)
    ) async throws -> Subprocess {
        let result = try await runProcess(executable, arguments, environment: environment, timeout: limit)
        return Subprocess(status: result.status, standardOutput: result.stdout, standardError: result.stderr)
    }
}
