import Foundation
import KioskTestSupport

/// A real kiosk-central process on a free loopback port over a SQLite file in `folder`.
final class RunningCentral: @unchecked Sendable {
    // @unchecked: all stored properties are immutable after init.
    let process: ChildProcess
    let port: Int
    let database: String

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Registers kiosks through `kiosk-central kiosks add` (the real command).
    static func register(database: String, id: String, publicKey: String, name: String = "테스트", district: String = "Jongno-gu") async throws {
        let result = try await runProcess(
            BuiltProducts.path("kiosk-central"),
            ["kiosks", "add", "--database", database, "--id", id, "--public-key", publicKey, "--name", name, "--district", district])
        guard result.status == 0 else {
            throw ChildProcess.Failure(description: "kiosks add failed (\(result.status)): \(result.stderr)")
        }
    }

    /// Starts kiosk-central on `port` (0 = free port) with `extraArguments` for `serve` and waits until it listens.
    init(database: String, folder: String, port: Int = 0, bodyLimit: Int? = nil, extraArguments: [String] = []) async throws {
        self.database = database
        var arguments = ["serve", "--listen", "127.0.0.1:\(port)", "--database", database]
        if let bodyLimit { arguments += ["--body-limit", "\(bodyLimit)"] }
        arguments += extraArguments
        process = try ChildProcess(BuiltProducts.path("kiosk-central"), arguments, outputDirectory: folder)
        var found: Int?
        for _ in 0..<600 {
            if let range = process.stderr.range(of: "listening on http://127.0.0.1:") {
                let digits = process.stderr[range.upperBound...].prefix { $0.isNumber }
                found = Int(digits)
                if found != nil { break }
            }
            if let status = process.poll() {
                throw ChildProcess.Failure(description: "kiosk-central exited with \(status): \(process.stderr)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        guard let found else {
            process.terminate()
            throw ChildProcess.Failure(description: "kiosk-central did not start listening: \(process.stderr)")
        }
        self.port = found
    }

    /// Stops it with SIGKILL (as a crash would) and waits for it.
    func kill() async {
        process.signal(SIGKILL)
        _ = await process.wait(timeout: .seconds(10))
    }

    deinit { process.terminate() }
}
