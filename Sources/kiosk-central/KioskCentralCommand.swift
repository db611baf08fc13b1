import ArgumentParser
import Foundation
import KioskCentral
import Logging

/// `kiosk-central`: the central office server.
@main
struct KioskCentralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-central", abstract: "The central office server for kioskd kiosks.",
        subcommands: [Serve.self, Kiosks.self, RegistryCommand.self, AgenciesCommand.self, IngestBenchmarkCommand.self, IdentityBenchmarkCommand.self], defaultSubcommand: Serve.self)

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve the central API.")

        @Option(name: .long, help: "Address to listen on, host:port (port 0 picks a free port and logs it).")
        var listen = "127.0.0.1:8090"

        @OptionGroup var storage: StorageOptions

        @OptionGroup var identity: IdentityServeOptions  // issue 8

        @Option(name: .long, help: "Largest request body in bytes.")
        var bodyLimit = 16 << 20

        @Option(name: .long, help: "Time zone reports take days in.")
        var timeZone = "Asia/Seoul"

        func run() async throws {
            guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]) else {
                throw ValidationError("--listen must be host:port, e.g. 127.0.0.1:8090")
            }
            guard let zone = TimeZone(identifier: timeZone) else { throw ValidationError("--time-zone \(timeZone) is not a known time zone") }
            let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            var configuration = CentralConfiguration(host: host, port: port, bodyLimit: bodyLimit, timeZone: zone)
            configuration.identity = try identity.configuration()
            LoggingSystem.bootstrap(StreamLogHandler.standardError)
            let logger = Logger(label: "kiosk-central")
            do {
                let store = try storage.open()
                try await CentralServer(
                    configuration: configuration,
                    storage: store, environment: ProcessInfo.processInfo.environment, logger: logger
                ).run()
            } catch {
                logger.critical("kiosk-central stopped on an error: \(error)")
                throw ExitCode.failure
            }
        }
    }

    struct Kiosks: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kiosks", abstract: "The kiosk registry.", subcommands: [Add.self, List.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Register a kiosk and its public key.")
            @OptionGroup var storage: StorageOptions
            @Option(name: .long, help: "Kiosk id (as in its kiosk.toml).") var id: String
            @Option(name: .long, help: "Ed25519 public key, base64 (kioskctl keys init prints it).") var publicKey: String
            @Option(name: .long, help: "Display name.") var name: String
            @Option(name: .long, help: "Location.") var location = ""
            @Option(name: .long, help: "District (구/군).") var district: String

            func run() async throws {
                do {
                    _ = try KioskPublicKeyCheck.validate(publicKey)
                    let store = try storage.open()
                    try await store.addKiosk(CentralKiosk(id: id, publicKey: publicKey, name: name, location: location, district: district))
                    print("registered kiosk \(id)")
                } catch {
                    FileHandle.standardError.write(Data("kiosk-central: \(error)\n".utf8))
                    throw ExitCode.failure
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List registered kiosks.")
            @OptionGroup var storage: StorageOptions

            func run() async throws {
                do {
                    for kiosk in try await storage.open().kiosks() {
                        print([kiosk.id, kiosk.name, kiosk.district, kiosk.tamperedReason.map { "TAMPERED: \($0)" } ?? "ok"].joined(separator: "\t"))
                    }
                } catch {
                    FileHandle.standardError.write(Data("kiosk-central: \(error)\n".utf8))
                    throw ExitCode.failure
                }
            }
        }
    }
}
