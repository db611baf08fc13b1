import Foundation
import KioskCore
import KioskLedger
import KioskTestSupport
import Testing

/// A real kioskd with the session API on (simulated document source, kiosk number 1) in a folder that
/// survives restarts, so recovery and the crash test can kill and start it again on the same ledger.
final class SessionKiosk: @unchecked Sendable {
    // @unchecked: `process` and `notify` are only replaced by `start()`, called from one test task.
    let folder: TemporaryDirectory
    let configPath: String
    private(set) var process: ChildProcess?
    private(set) var notify: NotifyListener?
    private(set) var baseURL = ""

    var ledgerPath: String { folder.path + "/state/ledger.sqlite3" }

    init(
        printMilliseconds: Int = 50, idleSeconds: Int = 120, documentSource: String = "simulated", printerURI: String? = nil,
        extra: String = ""
    ) throws {
        folder = try TemporaryDirectory(prefix: "kioskd-session")
        var base = RunningKiosk.configuration(folder: folder.path).replacingOccurrences(of: "print_ms = 50", with: "print_ms = \(printMilliseconds)")
        if let printerURI {
            base = base.replacingOccurrences(
                of: "driver = \"simulated\"\nprint_ms = \(printMilliseconds)", with: "driver = \"ipp\"\nuri = \"\(printerURI)\"\npoll_interval_ms = 100")
        }
        let text = base
            + """

            [ledger]
            path = "\(folder.path)/state/ledger.sqlite3"
            [session]
            document_source = "\(documentSource)"
            idle_timeout_seconds = \(idleSeconds)
            kiosk_number = 1
            \(extra)
            """
        configPath = try folder.write("kiosk.toml", text)
    }

    /// Starts kioskd and waits for READY=1; returns false (with its stderr) if it did not get ready.
    func start() async throws {
        let notify = try NotifyListener(directory: folder.path, abstract: true)
        let process = try ChildProcess(
            BuiltProducts.path("kioskd"), ["--config", configPath], environment: ["NOTIFY_SOCKET": notify.address],
            outputDirectory: folder.path)
        self.notify = notify
        self.process = process
        let ready = await notify.waitFor("READY=1", timeout: .seconds(30))
        if !ready.seen {
            process.terminate()
            throw ChildProcess.Failure(description: "kioskd did not become ready:\n\(process.stderr)")
        }
        let status = try await ctlJSON(["status"]) as? [String: Any]
        baseURL = try #require(status?["uiURL"] as? String)
    }

    func kill9() async {
        process?.signal(SIGKILL)
        _ = await process?.wait(timeout: .seconds(10))
    }

    func stop() async -> Int32? {
        process?.signal(SIGTERM)
        return await process?.wait(timeout: .seconds(12))
    }

    func ctl(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await runProcess(BuiltProducts.path("kioskctl"), arguments + ["--socket", folder.path + "/control.sock"])
    }

    func ctlJSON(_ arguments: [String]) async throws -> Any {
        let result = try await ctl(arguments + ["--json"])
        try #require(result.status == 0, "kioskctl \(arguments) failed: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// Sends a JSON request to the session API; returns the status and the decoded body.
    func api(_ method: String, _ path: String, _ body: String? = nil) async throws -> (status: Int, json: [String: Any]) {
        var arguments = ["-s", "-X", method, "-o", "-", "-w", "\n%{http_code}", "-H", "Content-Type: application/json"]
        if let body { arguments += ["--data-binary", body] }
        let result = try await runProcess("/usr/bin/curl", arguments + [baseURL + "/api/v1" + path])
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let text = lines.dropLast().joined(separator: "\n")
        let json = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        return (Int(lines.last ?? "") ?? 0, json)
    }

    /// Nudges sync (`kioskctl sync now`) until central holds every entry (at most `limit` tries, 100 ms
    /// apart); answers the last sync lag seen (-1 when none was reported).
    func waitSynced(limit: Int = 300) async throws -> Int {
        var lag = -1
        for _ in 0..<limit {
            _ = try? await ctl(["sync", "now"])
            if let status = try? await ctlJSON(["status"]) as? [String: Any], let value = status["syncLag"] as? Int {
                lag = value
                if lag == 0 { break }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return lag
    }

    /// Polls the session until `finished` (or `limit` polls); returns the last view.
    func waitFinished(_ id: String, limit: Int = 400) async throws -> [String: Any] {
        var last: [String: Any] = [:]
        for _ in 0..<limit {
            last = try await api("GET", "/sessions/\(id)").json
            if last["finished"] as? Bool == true { return last }
            try await Task.sleep(for: .milliseconds(25))
        }
        return last
    }

    /// A parcel number (PNU) for documents issued without identity; the simulated source ignores it.
    static let sampleParcel = "1111010100100120003"

    /// Starts a session for `code` (documents without identity get `key`), confirms and returns
    /// (session id, the view after confirm).
    func quoted(_ code: String, copies: Int = 1, key: String = SessionKiosk.sampleParcel) async throws -> (String, [String: Any]) {
        let started = try await api("POST", "/sessions")
        try #require(started.status == 201, "start: \(started.json)")
        let id = try #require(started.json["id"] as? String)
        let keyed = ["LD-", "BD-", "RG-"].contains { code.hasPrefix($0) } ? #","key":"\#(key)""# : ""
        let chosen = try await api("POST", "/sessions/\(id)/documents", #"{"documents":[{"code":"\#(code)","copies":\#(copies)\#(keyed)}]}"#)
        try #require(chosen.status == 200, "choose: \(chosen.json)")
        let confirmed = try await api("POST", "/sessions/\(id)/confirm")
        try #require(confirmed.status == 200, "confirm: \(confirmed.json)")
        return (id, confirmed.json)
    }

    /// Every entry of the ledger, read offline.
    func entries() async throws -> [LedgerEntry] {
        let ledger = try await Ledger.open(at: ledgerPath, configuration: .init(readOnly: true))
        defer { try? ledger.close() }
        return try await ledger.entries(after: 0, limit: 1_000_000)
    }

    deinit { process?.terminate() }
}
