public import ArgumentParser
import Foundation
import KioskConfig
import KioskDaemon
public import Logging
import Metrics
import Prometheus

/// `kioskd`: the kiosk daemon. Exit codes: 0 clean stop or valid configuration; 1 could not start
/// (devices, listeners); 78 configuration invalid.
@main
struct Kioskd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioskd",
        abstract: "The unattended civil-document kiosk daemon.",
        discussion: "Exit codes: 0 stopped cleanly (or --check-config found no problem); 1 could not start; 78 configuration invalid.")

    @Option(name: .long, help: "Configuration file (default: etc/kiosk.toml if present, else /etc/kiosk/kiosk.toml).")
    var config: String?

    @Flag(name: .long, help: "Validate the configuration, print every problem as file:line: key: problem, and exit.")
    var checkConfig = false

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        let path = config ?? (FileManager.default.fileExists(atPath: "etc/kiosk.toml") ? "etc/kiosk.toml" : "/etc/kiosk/kiosk.toml")
        if checkConfig {
            switch KioskDaemon.checkConfiguration(path: path) {
            case .success:
                print("\(path): configuration is valid")
                return
            case .failure(let diagnostics):
                FileHandle.standardError.write(Data((diagnostics.description + "\n").utf8))
                throw ExitCode(78)
            }
        }
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let logger = Logger(label: "kioskd")
        let daemon = KioskDaemon(
            options: .init(configPath: path, environment: ProcessInfo.processInfo.environment, registry: registry, logger: logger))
        do {
            try await daemon.run()
        } catch let error as KioskDaemon.StartError {
            logger.critical("kioskd cannot start:\n\(error.description)")
            if case .configuration = error { throw ExitCode(78) }
            throw ExitCode.failure
        } catch {
            logger.critical("kioskd stopped on an error: \(error)")
            throw ExitCode.failure
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
