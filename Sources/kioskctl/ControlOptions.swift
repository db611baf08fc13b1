import ArgumentParser
import Foundation
import KioskConfig
import KioskControl

/// Options every command that talks to kioskd shares: where the socket is, and JSON output.
struct ControlOptions: ParsableArguments {
    @Option(name: .long, help: "Control socket path (default: from the configuration file).")
    var socket: String?

    @Option(name: .long, help: "Configuration file to read the socket path from (default: etc/kiosk.toml, else /etc/kiosk/kiosk.toml).")
    var config: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    /// The socket path: `--socket`, else the configuration's, else the production default.
    func socketPath() -> String {
        if let socket { return socket }
        let path = config ?? (FileManager.default.fileExists(atPath: "etc/kiosk.toml") ? "etc/kiosk.toml" : "/etc/kiosk/kiosk.toml")
        if let configuration = try? KioskConfigurationLoader.load(path: path) { return configuration.control.socketPath }
        return "/run/kioskd/control.sock"
    }

    /// Sends `request` to kioskd; maps failures to kioskctl's exit codes with a message on stderr.
    func send<Result: Codable & Sendable>(_ request: ControlRequest, expecting: Result.Type) throws -> Result {
        do {
            return try ControlClient(path: socketPath()).send(request, expecting: Result.self)
        } catch let error as ControlError {
            printError(error.message)
            throw error.code == "permission-denied" ? ExitCode.permissionRefused
                : error.code == "bad-argument" || error.code == "unknown-command" ? ExitCode.validationFailure : ExitCode.operationFailed
        } catch let error as ControlClientError {
            printError(error.description)
            if case .permissionDenied = error { throw ExitCode.permissionRefused }
            throw ExitCode.unavailable
        }
    }

    /// Prints `value` as pretty JSON with sorted keys.
    func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// Writes `message` to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("kioskctl: " + message + "\n").utf8))
}

/// Formats rows as aligned columns.
func aligned(_ rows: [[String]]) -> String {
    guard let width = rows.map(\.count).max() else { return "" }
    var widths = [Int](repeating: 0, count: width)
    for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
    return rows.map { row in
        row.enumerated().map { index, cell in
            index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
        }.joined(separator: "  ")
    }.joined(separator: "\n")
}
