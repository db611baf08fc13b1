import ArgumentParser
import Foundation
import KioskCentral
import Logging

/// `kiosk-central`: the central office server.
@main
struct KioskCentralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-central", abstract: "The central office server for kioskd kiosks.",
        subcommands: [Serve.self, Kiosks.self, ConfigCommand.self, RegistryCommand.self, AgenciesCommand.self, IngestBenchmarkCommand.self, IdentityBenchmarkCommand.self], defaultSubcommand: Serve.self)

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

        @Option(name: .long, help: "PEM certificate (chain) to serve HTTPS with; needs --tls-key. Without it plain HTTP is served, on loopback only.")
        var tlsCertificate: String?

        @Option(name: .long, help: "PEM private key of --tls-certificate.")
        var tlsKey: String?

        @Option(name: .long, help: "Alert: a kiosk without a heartbeat for this many minutes is offline.")
        var offlineAfterMinutes = 10

        @Option(name: .long, help: "Alert: more unacknowledged ledger entries than this is a sync-lag warning.")
        var syncLagAlert = 500

        @Option(name: .long, help: "Alert: a change hopper holding this many coins or fewer is low (0: only the kiosk's own level).")
        var hopperLowCount = 20

        func run() async throws {
            guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]) else {
                throw ValidationError("--listen must be host:port, e.g. 127.0.0.1:8090")
            }
            guard let zone = TimeZone(identifier: timeZone) else { throw ValidationError("--time-zone \(timeZone) is not a known time zone") }
            let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            var tls: CentralTLS?
            switch (tlsCertificate, tlsKey) {
            case (let certificate?, let key?): tls = CentralTLS(certificatePath: certificate, privateKeyPath: key)
            case (nil, nil): tls = nil
            case (_?, nil): throw ValidationError("--tls-certificate needs --tls-key")
            case (nil, _?): throw ValidationError("--tls-key needs --tls-certificate")
            }
            guard offlineAfterMinutes >= 1, syncLagAlert >= 0, hopperLowCount >= 0 else {
                throw ValidationError("--offline-after-minutes must be ≥ 1, --sync-lag-alert and --hopper-low-count ≥ 0")
            }
            var configuration = CentralConfiguration(host: host, port: port, bodyLimit: bodyLimit, timeZone: zone, tls: tls)
            configuration.alertThresholds = AlertThresholds(
                offlineAfterSeconds: offlineAfterMinutes * 60, syncLagEntries: syncLagAlert, hopperLowCount: hopperLowCount)
            configuration.identity = try identity.configuration()
            LoggingSystem.bootstrap(StreamLogHandler.standardError)
            let logger = Logger(label: "kiosk-central")
            do {
                let store = try storage.open(logger: logger)
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
                    let kiosk = CentralKiosk(id: id, publicKey: publicKey, name: name, location: location, district: district)
                    try await storage.withStorage { store in try await store.addKiosk(kiosk) }
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
                    for kiosk in try await storage.withStorage({ store in try await store.kiosks() }) {
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
