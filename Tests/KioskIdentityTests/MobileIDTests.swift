import Foundation
@testable import KioskIdentity
import KioskCore
import Testing

@Suite struct MobileIDTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let issuer = MobileIDIssuer(id: "https://issuer.test", key: SigningKey())
    static let holder = SigningKey()

    static func wallet(issuer: MobileIDIssuer = issuer, issuedAt: Date = now.addingTimeInterval(-86_400),
                       validFor: TimeInterval = 365 * 86_400) -> MobileIDWallet {
        let credential = issuer.issue(
            name: "김민준", residentNumber: "9001011234568", holderKey: holder.publicKey, credentialID: "cred-1",
            issuedAt: issuedAt, validFor: validFor)
        return MobileIDWallet(credential: credential, holderKey: holder)
    }

    static func verifier() -> MobileIDVerifier {
        MobileIDVerifier(clientID: "kiosk-central.test", trustedIssuers: [issuer.id: issuer.publicKey])
    }

    @Test func goodPresentationIsAcceptedAndGivesTheVerifiedIdentity() throws {
        var verifier = Self.verifier()
        let request = verifier.makeRequest(baseURI: "https://central.test/v1/mobile-id", now: Self.now)
        let response = try Self.wallet().present(to: request, at: Self.now.addingTimeInterval(20))
        let accepted = try verifier.verify(response, at: Self.now.addingTimeInterval(21))
        #expect(accepted.claims.name == "김민준" && accepted.state == request.state)
        let identity = try accepted.identity(secret: Data("s".utf8), exemptions: [.warVeteran, .basicLivelihood])
        #expect(identity.method == .mobileID)
        #expect(identity.exemptions == [.basicLivelihood, .warVeteran])
        #expect(identity.resident == ResidentReference(residentNumberDigits: "9001011234568", secret: Data("s".utf8)))
    }

    @Test func requestRoundTripsThroughItsQRURIAndJSON() throws {
        var verifier = Self.verifier()
        let request = verifier.makeRequest(baseURI: "https://central.test/v1/mobile-id/", now: Self.now)
        #expect(request.qrURI.hasPrefix("openid4vp://?client_id=kiosk-central.test&request_uri=https://central.test/v1/mobile-id/requests/"))
        #expect(try PresentationRequest(parsing: request.qrURI) == request)
        let json = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
        #expect(json.contains("\"client_id\"") && json.contains("\"response_uri\""))
        #expect(try PresentationRequest(parsing: json) == request)
        #expect(verifier.request(state: request.state) == request)
        #expect(Base64URL.decode(request.nonce)?.count == 32)
        #expect(throws: PresentationRequestError(reason: "the URI has no nonce parameter")) {
            try PresentationRequest(parsing: "openid4vp://?client_id=a&request_uri=b&response_uri=c&state=d&iat=1&exp=2")
        }
    }

    @Test func credentialFromAnotherKeyUnderTheSameIssuerIdIsRefused() throws {
        var verifier = Self.verifier()
        let request = verifier.makeRequest(baseURI: "https://central.test", now: Self.now)
        let impostor = MobileIDIssuer(id: Self.issuer.id, key: SigningKey())
        let response = try Self.wallet(issuer: impostor).present(to: request, at: Self.now)
        #expect(throws: PresentationRejection.issuerSignatureInvalid) { try verifier.verify(response, at: Self.now) }
    }

    @Test func unknownIssuerIsRefused() throws {
        var verifier = Self.verifier()
        let request = verifier.makeRequest(baseURI: "https://central.test", now: Self.now)
        let stranger = MobileIDIssuer(id: "https://stranger.test", key: SigningKey())
        let response = try Self.wallet(issuer: stranger).present(to: request, at: Self.now)
        #expect(throws: PresentationRejection.untrustedIssuer("https://stranger.test")) { try verifier.verify(response, at: Self.now) }
    }

    @Test func tamperedClaimIsRefused() throws {
        var verifier = Self.verifier()
        let request = verifier.makeRequest(baseURI: "https://central.test", now: Self.now)
        var wallet = Self.wallet()
        // Change the resident number in the payload, keep the issuer's signature.
        let parts = wallet.credential.split(separator: ".").map(String.init)
        let payload = String(decoding: Base64URL.decode(parts[1])!, as: UTF8.self)
        #expect(payload.contains("9001011234568"))
        let forged = payload.replacingOccurrences(of: "9001011234568", with: "8506152000000")
        wallet.credential = [parts[0], Base64URL.encode(Array(forged.utf8)), parts[2]].joined(separator: ".")
        let response = try wallet.present(to: request, at: Self.now)
        #expect(throws: PresentationRejection.issuerSignatureInvalid) { try verifier.verify(response, at: Self.now) }
    }

    @Test func expiredCredentialIsRefused() throws {
        var verifier = Self.verifier()
        let request = verifier.makeRequest(baseURI: "https://central.test", now: Self.now)
        let wallet = Self.wallet(issuedAt: Self.now.addingTimeInterval(-2 * 86_400), validFor: 86_400)
        let response = try wallet.present(to: request, at: Self.now)
        #expect(throws: PresentationRejection.credentialExpired(at: Self.now.addingTimeInterval(-86_400))) {
            try verifier.verify(response, at: Self.now)
        }
    }

    @Test func expiredRequestIsRefused() throws {
        var verifier = Self.verifier()
        let request = verifier.makeRequest(baseURI: "https://central.test", now: Self.now, validFor: 180)
        let late = Self.now.addingTimeInterval(180)
        let response = try Self.wallet().present(to: request, at: late)
        #expect(throws: PresentationRejection.requestExpired(at: late)) { try verifier.verify(response, at: late) }
    }

    @Test func reusedNonceIsRefused() throws {
        var verifier = Self.verifier()
        let request = verifier.makeRequest(baseURI: "https://central.test", now: Self.now)
        let response = try Self.wallet().present(to: request, at: Self.now)
        _ = try verifier.verify(response, at: Self.now)
        #expect(throws: PresentationRejection.nonceAlreadyUsed) { try verifier.verify(response, at: Self.now.addingTimeInterval(1)) }
        // A fresh signature over the same nonce is a replay too.
        let again = try Self.wallet().present(to: request, at: Self.now.addingTimeInterval(2))
        #expect(throws: PresentationRejection.nonceAlreadyUsed) { try verifier.verify(again, at: Self.now.addingTimeInterval(2)) }
    }

    @Test func holderBindingIsChecked() throws {
        var verifier = Self.verifier()
        // Someone holding a copy of the credential but not the holder key.
        let request = verifier.makeRequest(baseURI: "https://central.test", now: Self.now)
        var thief = Self.wallet()
        thief.holderKey = SigningKey().base64url
        #expect(throws: PresentationRejection.holderSignatureInvalid) {
            try verifier.verify(try thief.present(to: request, at: Self.now), at: Self.now)
        }
        // A presentation made for another request's nonce.
        let first = verifier.makeRequest(baseURI: "https://central.test", now: Self.now)
        let second = verifier.makeRequest(baseURI: "https://central.test", now: Self.now)
        var crossed = try Self.wallet().present(to: first, at: Self.now)
        crossed.state = second.state
        #expect(throws: PresentationRejection.nonceMismatch) { try verifier.verify(crossed, at: Self.now) }
        // Unknown state.
        #expect(throws: PresentationRejection.unknownRequest) {
            try verifier.verify(PresentationResponse(vpToken: "x~y", state: "nope"), at: Self.now)
        }
    }

    @Test func presentationForAnotherVerifierIsRefused() throws {
        var verifier = Self.verifier()
        let request = verifier.makeRequest(baseURI: "https://central.test", now: Self.now)
        var elsewhere = request
        elsewhere.clientID = "evil.test"
        let response = try Self.wallet().present(to: elsewhere, at: Self.now)
        #expect(throws: PresentationRejection.audienceMismatch) { try verifier.verify(response, at: Self.now) }
    }

    @Test func keysRoundTripAndBadKeysAreNamed() throws {
        let key = SigningKey()
        #expect(try SigningKey(base64url: key.base64url).publicKey == key.publicKey)
        #expect(try PublicKey(base64url: key.publicKey.base64url) == key.publicKey)
        #expect(throws: KeyFormatError.self) { try SigningKey(base64url: "short") }
        #expect(throws: KeyFormatError.self) { try PublicKey(base64url: "!!!") }
    }
}
