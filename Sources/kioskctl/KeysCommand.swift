import ArgumentParser
import Foundation
import KioskConfig
import KioskSync

/// `kioskctl keys init`: creates the kiosk's Ed25519 key (mode 0600) and prints the public key to
/// register with `kiosk-central kiosks add`. Works offline.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "The kiosk's signing key for sync.", subcommands: [Init.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the kiosk's Ed25519 key file (mode 0600) and print its public key.")

        @Option(name: .long, help: "Key file (default: sync.key from the configuration).")
        var key: String?

        @Option(name: .long, help: "Configuration file (default: etc/kiosk.toml, else /etc/kiosk/kiosk.toml).")
        var config: String?

        func run() throws {
            let path: String
            if let key {
                path = key
            } else {
                let configPath = config ?? (FileManager.default.fileExists(atPath: "etc/kiosk.toml") ? "etc/kiosk.toml" : "/etc/kiosk/kiosk.toml")
                guard let configured = (try? KioskConfigurationLoader.load(path: configPath))?.syncKeyPath else {
                    FileHandle.standardError.write(Data("kioskctl: no --key given and \(configPath) sets no sync.key\n".utf8))
                    throw ExitCode.configInvalid
                }
                path = configured
            }
            do {
                let created = try KioskSigningKey.create(at: path)
                print("created \(path) (mode 0600)")
                print("public key: \(created.publicKey.base64)")
                print("register it: kiosk-central kiosks add --id KIOSK-ID --public-key \(created.publicKey.base64) --name NAME --district DISTRICT")
            } catch {
                FileHandle.standardError.write(Data("kioskctl: \(error)\n".utf8))
                throw ExitCode.operationFailed
            }
        }
    }
}
