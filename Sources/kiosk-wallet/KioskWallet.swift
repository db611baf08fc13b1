import ArgumentParser
import AsyncHTTPClient
import Foundation
import KioskCore
import KioskIdentity
import NIOCore
import NIOHTTP1

/// Plays the resident's phone for the mobile-ID path: makes test issuer keys and credentials, and answers
/// a kiosk's presentation request. Demo and test tool; the credentials it makes are only as trusted as the
/// issuer key the verifier is configured with.
@main
struct KioskWallet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-wallet",
        abstract: "A test mobile-ID wallet (OpenID4VP cross-device flow, Ed25519).",
        subcommands: [IssuerKey.self, Issue.self, Present.self])
}

extension KioskWallet {
    /// `kiosk-wallet issuer-key --out FILE`: a new test issuer key.
    struct IssuerKey: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issuer-key", abstract: "Write a new test issuer key (base64url seed) and print its public key.")

        @Option(help: "Where to write the private key (mode 0600).")
        var out: String

        func run() throws {
            let key = SigningKey()
            try write(key.base64url + "\n", to: out)
            print(key.publicKey.base64url)
        }
    }

    /// `kiosk-wallet issue …`: a credential for a resident, bound to a new holder key, saved as a wallet file.
    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a credential with a test issuer key and save it with a new holder key as a wallet file.")

        @Option(name: .customLong("issuer-key"), help: "File with the issuer's private key (from `issuer-key`).")
        var issuerKey: String
        @Option(name: .customLong("issuer-id"), help: "The issuer id (iss) the verifier trusts.")
        var issuerID = "https://mobile-id.test"
        @Option(help: "The resident registration number (13 digits, hyphen optional).")
        var rrn: String
        @Option(help: "The holder's name.")
        var name: String
        @Option(name: .customLong("valid-days"), help: "Days the credential stays valid.")
        var validDays = 365
        @Option(name: .customLong("issued-at"), help: "Issue instant, local Seoul time YYYY-MM-DDTHH:MM (default: now).")
        var issuedAt: String?
        @Option(help: "Where to write the wallet file (JSON, mode 0600).")
        var out: String

        func run() throws {
            var number = try ResidentNumber(rrn)
            defer { number.wipe() }
            let key = try SigningKey(base64url: try String(contentsOfFile: issuerKey, encoding: .utf8))
            let instant = try issuedAt.map(parseInstant) ?? Date()
            let holder = SigningKey()
            let issuer = MobileIDIssuer(id: issuerID, key: key)
            let credential = issuer.issue(
                name: name, residentNumber: number.unmaskedDigits, holderKey: holder.publicKey,
                credentialID: UUID().uuidString.lowercased(), issuedAt: instant, validFor: TimeInterval(validDays) * 86_400)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try write(String(decoding: try encoder.encode(MobileIDWallet(credential: credential, holderKey: holder)), as: UTF8.self) + "\n", to: out)
            print("issued to \(number.masked) by \(issuerID), valid \(validDays) days; issuer public key \(issuer.publicKey)")
        }
    }

    /// `kiosk-wallet present --request JSON|URI --wallet FILE [--post]`: prints the presentation, or posts
    /// it to the request's `response_uri` (the OpenID4VP `direct_post`) and prints the verifier's answer.
    struct Present: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer a presentation request (the QR's openid4vp:// URI or its JSON): print the response JSON, or --post it.")

        @Option(help: "The request: an openid4vp:// URI or a JSON request object.")
        var request: String
        @Option(help: "The wallet file written by `issue`.")
        var wallet: String
        @Option(help: "Signing instant, local Seoul time YYYY-MM-DDTHH:MM (default: now).")
        var at: String?
        @Flag(help: "Post the presentation to the request's response_uri and print the verifier's answer (exit 1 if refused).")
        var post = false

        func run() async throws {
            let parsed = try PresentationRequest(parsing: request)
            let stored = try JSONDecoder().decode(MobileIDWallet.self, from: Data(contentsOf: URL(fileURLWithPath: wallet)))
            let response = try stored.present(to: parsed, at: try at.map(parseInstant) ?? Date())
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let body = try encoder.encode(response)
            guard post else {
                print(String(decoding: body, as: UTF8.self))
                return
            }
            var http = HTTPClientRequest(url: parsed.responseURI)
            http.method = .POST
            http.headers.add(name: "Content-Type", value: "application/json")
            http.body = .bytes(ByteBuffer(bytes: body))
            let status: UInt
            let answer: String
            do {
                let reply = try await HTTPClient.shared.execute(http, timeout: .seconds(15))
                status = reply.status.code
                answer = String(buffer: try await reply.body.collect(upTo: 1 << 20))
            } catch {
                FileHandle.standardError.write(Data("kiosk-wallet: cannot post to \(parsed.responseURI): \(error)\n".utf8))
                throw ExitCode.failure
            }
            print(answer)
            guard (200..<300).contains(status) else {
                FileHandle.standardError.write(Data("kiosk-wallet: the verifier refused the presentation (\(status))\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}

/// A local Seoul time given on the command line.
private func parseInstant(_ text: String) throws -> Date {
    guard let date = SeoulTime.parseLocal(text) else {
        throw ValidationError("\(text) is not a local time YYYY-MM-DDTHH:MM[:SS]")
    }
    return date
}

/// Writes `text` to `path`, readable by the owner only.
private func write(_ text: String, to path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
        throw ValidationError("cannot write \(path)")
    }
}
