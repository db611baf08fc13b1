import Foundation
import KioskTestSupport
import Testing

/// A real kioskd process in its own temporary folder, with simulated devices, a control socket and
/// the UI on a free loopback port; systemd's side of sd_notify is a real datagram socket.
final class RunningKiosk: @unchecked Sendable {
    // @unchecked: all stored properties are immutable after init.
    let folder: TemporaryDirectory
    let process: ChildProcess
    let notify: NotifyListener
    let configPath: String

    /// The configuration text for a kiosk whose files live in `folder`.
    static func configuration(
        folder: String, name: String = "테스트 키오스크", group: String = "root", hours: String = "24/7", production: Bool = false,
        extra: String = ""
    ) -> String {
        """
        [kiosk]
        id = "TEST-0001"
        name = "\(name)"
        hours = "\(hours)"
        production = \(production)
        [state]
        directory = "\(folder)/state"
        [catalog]
        path = "\(catalogPath(folder))"
        [ui]
        listen = "127.0.0.1:0"
        [control]
        socket = "\(folder)/control.sock"
        group = "\(group)"
        [devices.printer]
        driver = "simulated"
        print_ms = 50
        [devices.fingerprint]
        driver = "simulated"
        place_ms = 20
        [devices.cash]
        driver = "simulated"
        [devices.card]
        driver = "simulated"
        delay_ms = 10
        \(extra)
        """
    }

    /// The package's catalog when it exists, else a minimal one in `folder`.
    static func catalogPath(_ folder: String) -> String {
        let packaged = BuiltProducts.packageRoot + "/etc/catalog.toml"
        if FileManager.default.fileExists(atPath: packaged) { return packaged }
        try? Data("version = 1\n".utf8).write(to: URL(fileURLWithPath: folder + "/catalog.toml"))
        return folder + "/catalog.toml"
    }

    /// Starts kioskd and waits for READY=1.
    init(
        group: String = "root", hours: String = "24/7", production: Bool = false, environment: [String: String] = [:],
        abstractNotify: Bool = true
    ) async throws {
        folder = try TemporaryDirectory(prefix: "kioskd")
        configPath = try folder.write("kiosk.toml", Self.configuration(folder: folder.path, group: group, hours: hours, production: production))
        notify = try NotifyListener(directory: folder.path, abstract: abstractNotify)
        var env = environment
        env["NOTIFY_SOCKET"] = notify.address
        process = try ChildProcess(
            BuiltProducts.path("kioskd"), ["--config", configPath], environment: env, outputDirectory: folder.path)
        let ready = await notify.waitFor("READY=1", timeout: .seconds(30))
        if !ready.seen {
            process.terminate()
            throw ChildProcess.Failure(description: "kioskd did not become ready:\n\(process.stderr)")
        }
    }

    /// Runs kioskctl against this kiosk's socket.
    func ctl(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await runProcess(BuiltProducts.path("kioskctl"), arguments + ["--socket", folder.path + "/control.sock"])
    }

    /// Runs kioskctl with `--json` and decodes its output.
    func ctlJSON(_ arguments: [String]) async throws -> Any {
        let result = try await ctl(arguments + ["--json"])
        try #require(result.status == 0, "kioskctl \(arguments) failed: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// The UI base URL from `kioskctl status`.
    func uiURL() async throws -> String {
        let status = try await ctlJSON(["status"]) as? [String: Any]
        return try #require(status?["uiURL"] as? String)
    }

    /// Stops kioskd with SIGTERM and returns its exit code.
    func stop() async -> Int32? {
        process.signal(SIGTERM)
        return await process.wait(timeout: .seconds(12))
    }

    deinit { process.terminate() }
}

/// GETs `url` with curl; returns (HTTP status, body).
func httpGet(_ url: String) async throws -> (status: Int, body: String) {
    let result = try await runProcess("/usr/bin/curl", ["-s", "-o", "-", "-w", "\n%{http_code}", url])
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
}
