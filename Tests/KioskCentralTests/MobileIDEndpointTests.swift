import Foundation
import KioskCore
import KioskIdentity
import KioskRegistry
import KioskSync
import KioskTestSupport
import Testing

/// The mobile-ID cross-device flow on a real kiosk-central: the kiosk opens a request through
/// `CentralMobileIDSessions`, the real `kiosk-wallet` answers it, central checks issuer, expiry and nonce.
@Suite(.serialized) struct MobileIDEndpointTests {
    /// An issuer key file made by `kiosk-wallet issuer-key`, and its public key.
    static func issuer(in folder: TemporaryDirectory, name: String) async throws -> (path: String, publicKey: String) {
        let path = folder.file(name)
        let result = try await runProcess(BuiltProducts.path("kiosk-wallet"), ["issuer-key", "--out", path])
        guard result.status == 0 else { throw ChildProcess.Failure(description: "issuer-key failed: \(result.stderr)") }
        return (path, result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A wallet file for `rrn` issued with `issuerKey`.
    static func wallet(in folder: TemporaryDirectory, issuerKey: String, rrn: String, name: String = "wallet.json") async throws -> String {
        let path = folder.file(name)
        let result = try await runProcess(
            BuiltProducts.path("kiosk-wallet"),
            ["issue", "--issuer-key", issuerKey, "--issuer-id", "https://mobile-id.test", "--rrn", rrn, "--name", "홍길동", "--out", path])
        guard result.status == 0 else { throw ChildProcess.Failure(description: "issue failed: \(result.stderr)") }
        return path
    }

    static func present(_ qr: String, wallet: String, post: Bool) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await runProcess(BuiltProducts.path("kiosk-wallet"), ["present", "--request", qr, "--wallet", wallet] + (post ? ["--post"] : []))
    }

    @Test func theWalletCompletesARequestAndItsReplayIsRefused() async throws {
        let keys = try TemporaryDirectory(prefix: "wallet")
        let issuer = try await Self.issuer(in: keys, name: "issuer.key")
        let rig = try await IdentityRig(arguments: ["--trusted-issuer", "https://mobile-id.test=\(issuer.publicKey)"])
        let resident = try rig.enrolledResident(thumb: 3)
        let wallet = try await Self.wallet(in: keys, issuerKey: issuer.path, rrn: resident.residentNumber.unmaskedDigits)

        let challenge = try await rig.mobileID().start(kioskID: rig.kioskA)
        #expect(challenge.qrText.hasPrefix("openid4vp://"))
        #expect(challenge.expiresAt > Date())
        #expect(try await rig.mobileID().outcome(of: challenge.id) == .pending)
        // Wallets can fetch the request object.
        let object = try await HTTPProbe.get(rig.central.baseURL + "/v1/mobile-id/requests/\(challenge.id)")
        #expect(object.status == 200 && object.json?["state"] as? String == challenge.id)
        // Another kiosk cannot read this request's outcome.
        await #expect(throws: IdentityVerificationError.self) { try await rig.mobileID(rig.kioskB).outcome(of: challenge.id) }

        // The presentation, printed, then posted twice: the second is a replay.
        let printed = try await Self.present(challenge.qrText, wallet: wallet, post: false)
        #expect(printed.status == 0, "\(printed.stderr)")
        let body = Array(printed.stdout.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        let responseURL = rig.central.baseURL + "/v1/mobile-id/responses"
        let accepted = try await HTTPProbe.send("POST", responseURL, body: body)
        #expect(accepted.status == 200, "\(accepted.body)")
        let replay = try await HTTPProbe.send("POST", responseURL, body: body)
        #expect(replay.status == 409)
        #expect(replay.json?["error"] as? String == "nonce-replayed")

        let outcome = try await rig.mobileID().outcome(of: challenge.id)
        guard case .verified(let identity) = outcome else {
            Issue.record("expected verified, got \(outcome)")
            return
        }
        // The same resident reference as the fingerprint path, so documents resolve.
        #expect(identity.resident == rig.reference(resident))
        #expect(identity.method == .mobileID)
        #expect(identity.exemptions == resident.exemptions)
        let content = try await rig.documents().content(for: DocumentRequest(code: "RR-CHOBON", identity: identity, at: Date()))
        #expect(DocumentEndpointTests.texts(content).contains(resident.name))

        // kiosk-wallet --post completes a second request end to end.
        let second = try await rig.mobileID().start(kioskID: rig.kioskA)
        let posted = try await Self.present(second.qrText, wallet: wallet, post: true)
        #expect(posted.status == 0, "\(posted.stderr)")
        #expect(posted.stdout.contains("accepted"))
        guard case .verified = try await rig.mobileID().outcome(of: second.id) else {
            Issue.record("the posted presentation did not verify")
            return
        }
    }

    @Test func aPresentationFromAnUntrustedIssuerIsRejected() async throws {
        let keys = try TemporaryDirectory(prefix: "wallet")
        let trusted = try await Self.issuer(in: keys, name: "trusted.key")
        let rogue = try await Self.issuer(in: keys, name: "rogue.key")
        let rig = try await IdentityRig(arguments: ["--trusted-issuer", "https://mobile-id.test=\(trusted.publicKey)"])
        let resident = try rig.enrolledResident(thumb: 1)
        // Same issuer id, wrong key: the signature does not verify.
        let wallet = try await Self.wallet(in: keys, issuerKey: rogue.path, rrn: resident.residentNumber.unmaskedDigits)
        let challenge = try await rig.mobileID().start(kioskID: rig.kioskA)
        let posted = try await Self.present(challenge.qrText, wallet: wallet, post: true)
        #expect(posted.status != 0)
        #expect(posted.stdout.contains("presentation-rejected"))
        let outcome = try await rig.mobileID().outcome(of: challenge.id)
        #expect(outcome == .rejected(reason: PresentationRejection.issuerSignatureInvalid.description))
    }

    @Test func anExpiredRequestIsExpiredAndRefusesLatePresentations() async throws {
        let keys = try TemporaryDirectory(prefix: "wallet")
        let issuer = try await Self.issuer(in: keys, name: "issuer.key")
        let rig = try await IdentityRig(arguments: [
            "--trusted-issuer", "https://mobile-id.test=\(issuer.publicKey)", "--mobile-id-validity", "1",
        ])
        let wallet = try await Self.wallet(in: keys, issuerKey: issuer.path, rrn: try rig.enrolledResident(thumb: 1).residentNumber.unmaskedDigits)
        let challenge = try await rig.mobileID().start(kioskID: rig.kioskA)
        // Wait until central's clock is past the expiry (whole seconds) before presenting.
        while Date() < challenge.expiresAt.addingTimeInterval(1) { try await Task.sleep(for: .milliseconds(200)) }
        #expect(try await rig.mobileID().outcome(of: challenge.id) == .expired)
        let posted = try await Self.present(challenge.qrText, wallet: wallet, post: true)
        #expect(posted.status != 0)
        #expect(try await rig.mobileID().outcome(of: challenge.id) == .expired)
        let object = try await HTTPProbe.get(rig.central.baseURL + "/v1/mobile-id/requests/\(challenge.id)")
        #expect(object.status == 404)
    }

    @Test func anUnknownRequestIsNotFound() async throws {
        let rig = try await IdentityRig()
        do throws(IdentityVerificationError) {
            _ = try await rig.mobileID().outcome(of: "no-such-state")
            Issue.record("an unknown request had an outcome")
        } catch {
            #expect(error.description.contains("404 unknown-request"))
        }
    }
}
