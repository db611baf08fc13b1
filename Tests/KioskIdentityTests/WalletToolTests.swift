import Foundation
import KioskCore
import KioskIdentity
import KioskTestSupport
import Testing

/// Runs the built `kiosk-wallet` as a real process: a test issuer key, a credential, and a presentation
/// answering a request given as the QR's URI; the verifier accepts it once.
@Suite struct WalletToolTests {
    static let wallet = BuiltProducts.path("kiosk-wallet")

    @Test func walletToolIssuesAndPresents() async throws {
        let directory = try TemporaryDirectory(prefix: "wallet")
        let keyFile = directory.file("issuer.key"), walletFile = directory.file("wallet.json")

        let key = try await runProcess(Self.wallet, ["issuer-key", "--out", keyFile])
        #expect(key.status == 0, "\(key.stderr)")
        let issuerPublic = try PublicKey(base64url: key.stdout)
        let attributes = try FileManager.default.attributesOfItem(atPath: keyFile)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let issued = try await runProcess(Self.wallet, [
            "issue", "--issuer-key", keyFile, "--issuer-id", "https://mobile-id.test", "--rrn", "900101-1234568",
            "--name", "김민준", "--issued-at", "2026-11-01T09:00", "--valid-days", "30", "--out", walletFile,
        ])
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(issued.stdout.contains("900101-1******") && !issued.stdout.contains("234568"))

        var verifier = MobileIDVerifier(clientID: "kiosk-central.test", trustedIssuers: ["https://mobile-id.test": issuerPublic])
        let now = SeoulTime.parseLocal("2026-11-20T10:00")!
        let request = verifier.makeRequest(baseURI: "https://central.test/v1/mobile-id", now: now)
        let presented = try await runProcess(Self.wallet, [
            "present", "--request", request.qrURI, "--wallet", walletFile, "--at", "2026-11-20T10:00:30",
        ])
        #expect(presented.status == 0, "\(presented.stderr)")
        let response = try JSONDecoder().decode(PresentationResponse.self, from: Data(presented.stdout.utf8))
        let accepted = try verifier.verify(response, at: now.addingTimeInterval(40))
        #expect(accepted.claims.name == "김민준")
        #expect(try accepted.residentNumber().masked == "900101-1******")
        #expect(throws: PresentationRejection.nonceAlreadyUsed) { try verifier.verify(response, at: now.addingTimeInterval(41)) }
    }

    @Test func walletToolNamesBadInput() async throws {
        let directory = try TemporaryDirectory(prefix: "wallet")
        let keyFile = try directory.write("issuer.key", "not-a-key\n")
        let badNumber = try await runProcess(Self.wallet, [
            "issue", "--issuer-key", keyFile, "--rrn", "901301-1234567", "--name", "x", "--out", directory.file("w.json"),
        ])
        #expect(badNumber.status != 0)
        #expect(badNumber.stderr.contains("not a real date"), "\(badNumber.stderr)")
        let badKey = try await runProcess(Self.wallet, [
            "issue", "--issuer-key", keyFile, "--rrn", "900101-1234568", "--name", "x", "--out", directory.file("w.json"),
        ])
        #expect(badKey.status != 0)
        #expect(badKey.stderr.contains("32 bytes"), "\(badKey.stderr)")
        let badRequest = try await runProcess(Self.wallet, ["present", "--request", "https://example", "--wallet", directory.file("w.json")])
        #expect(badRequest.status != 0)
        #expect(badRequest.stderr.contains("openid4vp"), "\(badRequest.stderr)")
    }
}
