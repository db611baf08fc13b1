import Foundation
import KioskCore
import KioskSync
import Testing

/// The signed-request scheme of the identity, document and mobile-ID endpoints, and the identity's wire form.
@Suite struct SignedRequestTests {
    @Test func theSignatureCoversMethodPathKioskTimestampNonceAndBody() throws {
        let key = KioskSigningKey()
        let body = Array(#"{"kioskID":"k1"}"#.utf8)
        let now = Date(timeIntervalSince1970: 1_800_000_000.123)
        let headers = Dictionary(uniqueKeysWithValues: SignedRequest.headers(
            method: "POST", path: "/v1/identity/verify", kioskID: "k1", key: key, body: body, now: now).map { ($0.name, $0.value) })
        let timestamp = try #require(headers[SignedRequest.timestampHeader].flatMap(Int64.init))
        #expect(timestamp == 1_800_000_000_123)
        let nonce = try #require(headers[SignedRequest.nonceHeader])
        #expect(nonce.count >= 16)
        #expect(headers[SignedRequest.kioskHeader] == "k1")
        let signature = try #require(headers[SignedRequest.signatureHeader])
        let publicKey = key.publicKey
        func verifies(method: String = "POST", path: String = "/v1/identity/verify", kiosk: String = "k1", stamp: Int64? = nil,
                      nonce other: String? = nil, body changed: [UInt8]? = nil) -> Bool {
            publicKey.isValidSignature(signature, for: SignedRequest.signedBytes(
                method: method, path: path, kioskID: kiosk, timestamp: stamp ?? timestamp, nonce: other ?? nonce, body: changed ?? body))
        }
        #expect(verifies())
        #expect(!verifies(method: "GET"))
        #expect(!verifies(path: "/v1/documents/RR-DEUNGBON"))
        #expect(!verifies(kiosk: "k2"))
        #expect(!verifies(stamp: timestamp + 1))
        #expect(!verifies(nonce: SignedRequest.makeNonce()))
        #expect(!verifies(body: Array(#"{"kioskID":"k2"}"#.utf8)))
        #expect(!KioskSigningKey().publicKey.isValidSignature(signature, for: SignedRequest.signedBytes(
            method: "POST", path: "/v1/identity/verify", kioskID: "k1", timestamp: timestamp, nonce: nonce, body: body)))
        // Every request gets a fresh nonce.
        #expect(SignedRequest.makeNonce() != SignedRequest.makeNonce())
    }

    @Test func aVerifiedIdentityRoundTripsAndUnreadableOnesAreRefused() throws {
        let identity = VerifiedIdentity(
            resident: ResidentReference(residentNumberDigits: "9001011234568", secret: Data("s".utf8)),
            exemptions: [.nationalMerit, .basicLivelihood], method: .mobileID, verifiedAt: Date(timeIntervalSince1970: 1_800_000_000.5))
        let wire = VerifiedIdentityWire(identity)
        #expect(wire.exemptions == ["basic-livelihood", "national-merit"])
        let decoded = try WireCoding.decoder().decode(VerifiedIdentityWire.self, from: WireCoding.encoder().encode(wire))
        #expect(decoded.identity == identity)
        var unknown = wire
        unknown.exemptions.append("free-for-all")
        #expect(unknown.identity == nil)
        var badReference = wire
        badReference.resident = "9001011234568"
        #expect(badReference.identity == nil)
        var badMethod = wire
        badMethod.method = "password"
        #expect(badMethod.identity == nil)
    }
}
