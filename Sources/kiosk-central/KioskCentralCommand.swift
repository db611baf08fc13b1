import ArgumentParser
import Foundation
import KioskCentral
import Logging

/// `kiosk-central`: the central office server.
@main
struct KioskCentralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-central", abstract: "The central office server for kioskd kiosks.",
        subcommands: [Serve.self], defaultSubcommand: Serve.self)

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve the central API.")

        @Option(name: .long, help: "Address to listen on, host:port.")
        var listen = "127.0.0.1:8090"

        func run() async throws {
            guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]) else {
                throw ValidationError("--listen must be host:port, e.g. 127.0.0.1:8090")
            }
            let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            LoggingSystem.bootstrap(StreamLogHandler.standardError)
            let logger = Logger(label: "kiosk-central")
            do {
                try await CentralServer(host: host, port: port, environment: ProcessInfo.processInfo.environment, logger: logger).run()
            } catch {
                logger.critical("kiosk-central stopped on an error: \(error)")
                throw ExitCode.failure
            }
        }
    }
}
