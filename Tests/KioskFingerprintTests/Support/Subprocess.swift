import Foundation

/// Runs a program to completion and collects its output; kills it with SIGKILL if it outlives
/// `limit` (a safety net, not a measurement).
struct Subprocess {
    var status: Int32
    var standardOutput: String
    var standardError: String

    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, limit: Duration = .seconds(120)
    ) throws -> Subprocess {
        let process = Process()
        if let environment { process.environment = environment }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = ReadAll(output.fileHandleForReading), errorData = ReadAll(error.fileHandleForReading)
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            if ContinuousClock.now > deadline { kill(process.processIdentifier, SIGKILL) }
            usleep(10_000)
        }
        return Subprocess(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData.finish(), as: UTF8.self),
            standardError: String(decoding: errorData.finish(), as: UTF8.self))
    }
}

/// Drains a pipe on a background thread so a chatty child never blocks on a full pipe.
private final class ReadAll: @unchecked Sendable {  // `data` is written by the reader thread before `done` is signalled, read after
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
