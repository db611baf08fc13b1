import ArgumentParser
import Foundation
import KioskCentral
import KioskSync

/// `kiosk-central config set|show`: configuration documents distributed to kiosks (per district and per
/// kiosk, versioned). Kiosks read theirs at `GET /v1/kiosks/{id}/config`.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Configuration documents for kiosks (per district, per kiosk).", subcommands: [SetDocument.self, Show.self])

    struct SetDocument: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Store a new version of a district's or a kiosk's document (JSON: catalogVersion, feeOverridesWon, hours, documentWindows, extraHolidays).")
        @OptionGroup var storage: StorageOptions
        @Option(name: .long, help: "The district the document applies to.") var district: String?
        @Option(name: .long, help: "The kiosk the document applies to (overrides its district's).") var kiosk: String?
        @Option(name: .long, help: "The JSON document file.") var file: String

        func run() async throws {
            let (scope, target): (ConfigScope, String)
            switch (district, kiosk) {
            case (let district?, nil): (scope, target) = (.district, district)
            case (nil, let kiosk?): (scope, target) = (.kiosk, kiosk)
            default: throw ValidationError("give exactly one of --district and --kiosk")
            }
            guard let json = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            do {
                let version = try await storage.withStorage { store in
                    try await ConfigDistribution(storage: store).publish(
                        scope: scope, target: target, json: json, atUTCMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
                }
                print("stored \(scope.rawValue) \(target) configuration version \(version)")
            } catch {
                FileHandle.standardError.write(Data("kiosk-central: \(file): \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a kiosk's effective configuration (JSON).")
        @OptionGroup var storage: StorageOptions
        @Option(name: .long, help: "The kiosk.") var kiosk: String

        func run() async throws {
            let id = kiosk
            do {
                guard let answer = try await storage.withStorage({ store in try await ConfigDistribution(storage: store).effective(kioskID: id) }) else {
                    throw CentralStorageError.unknownKiosk(id)
                }
                print(String(decoding: try WireCoding.encoder().encode(answer), as: UTF8.self))
            } catch {
                FileHandle.standardError.write(Data("kiosk-central: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
