import ArgumentParser
import Foundation
import KioskCentral

/// `kiosk-central agencies down|up AGENCY [--reason …]`: the operator's switch for an agency back-end.
/// Kiosks see it in `GET /v1/agencies` and documents of a down agency answer 503 with the reason.
struct AgenciesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agencies", abstract: "Switch agency back-ends down or up.", subcommands: [Down.self, Up.self])

    static func check(_ agency: String) throws {
        guard !agency.isEmpty, agency.allSatisfy({ ($0.isASCII && ($0.isUppercase || $0.isNumber)) || $0 == "-" }) else {
            throw ValidationError("AGENCY must be an agency id in capitals as in the catalog (e.g. MOIS, SCOURT, MOLIT), got \"\(agency)\"")
        }
    }

    struct Down: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark an agency's back-end down.")
        @OptionGroup var storage: StorageOptions
        @Argument(help: "The agency id (MOIS, SCOURT, MOLIT …).") var agency: String
        @Option(name: .long, help: "Why (shown to kiosks).") var reason: String?

        func run() async throws {
            try AgenciesCommand.check(agency)
            do {
                try await storage.open().setAgencyDown(
                    agency, down: true, reason: reason, atUTCMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
                print("agency \(agency) is down" + (reason.map { ": \($0)" } ?? ""))
            } catch {
                FileHandle.standardError.write(Data("kiosk-central: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }

    struct Up: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark an agency's back-end up again.")
        @OptionGroup var storage: StorageOptions
        @Argument(help: "The agency id.") var agency: String

        func run() async throws {
            try AgenciesCommand.check(agency)
            do {
                try await storage.open().setAgencyDown(agency, down: false, reason: nil, atUTCMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
                print("agency \(agency) is up")
            } catch {
                FileHandle.standardError.write(Data("kiosk-central: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
