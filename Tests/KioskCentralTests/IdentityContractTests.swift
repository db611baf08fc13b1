import Foundation
import KioskCore
import KioskRegistry
import KioskSync
import KioskTestSupport
import Testing

/// Checks the identity operations of docs/openapi/central.yaml (tag `identity`) against a running
/// central, the way OpenAPIContractTests checks the others: each operation is called, each answer's
/// status is documented, and JSON answers match the documented schema.
@Suite(.serialized) struct IdentityContractTests {
    @Test func identityOperationsMatchTheSpec() async throws {
        let spec = try await OpenAPIContractTests.loadSpec()
        let paths = try #require(spec["paths"] as? [String: Any])
        let keys = try TemporaryDirectory(prefix: "wallet")
        let issuer = try await MobileIDEndpointTests.issuer(in: keys, name: "issuer.key")
        let rig = try await IdentityRig(arguments: ["--trusted-issuer", "https://mobile-id.test=\(issuer.publicKey)"])
        let resident = try rig.enrolledResident(thumb: 1)
        let wallet = try await MobileIDEndpointTests.wallet(in: keys, issuerKey: issuer.path, rrn: resident.residentNumber.unmaskedDigits)
        let challenge = try await rig.mobileID().start(kioskID: rig.kioskA)
        let presentation = Array(try await MobileIDEndpointTests.present(challenge.qrText, wallet: wallet, post: false).stdout.utf8)
        let rejected = try await rig.mobileID().start(kioskID: rig.kioskA)
        let rejectedBody = Array(try WireCoding.encoder().encode(["vp_token": "x~y", "state": rejected.id]))
        let parcel = try requireValue(rig.registry?.parcels.first, "no parcel")
        guard case .verified(let identity) = try await rig.verifier().verify(rig.request(resident, thumb: 1)) else {
            Issue.record("not verified")
            return
        }
        let encoder = WireCoding.encoder()
        func json(_ value: some Encodable) throws -> [UInt8] { Array(try encoder.encode(value)) }
        func signed(_ method: String, _ path: String, _ body: [UInt8] = [], key: KioskSigningKey? = nil) -> [String: String] {
            Dictionary(uniqueKeysWithValues: SignedRequest.headers(
                method: method, path: path, kioskID: rig.kioskA, key: key ?? rig.keyA, body: body).map { ($0.name, $0.value) })
        }
        let verifyBody = try json(IdentityVerifyBody(
            kioskID: rig.kioskA, residentNumber: resident.residentNumber.unmaskedDigits,
            template: Data(IdentityRig.template(thumb: 2)).base64EncodedString(), quality: 80, atUTCMilliseconds: 0))
        let badRRN = try json(IdentityVerifyBody(kioskID: rig.kioskA, residentNumber: "12", template: "AAAA", quality: 80, atUTCMilliseconds: 0))
        let deungbon = try json(DocumentFetchBody(kioskID: rig.kioskA, identity: VerifiedIdentityWire(identity), key: nil, options: [:], atUTCMilliseconds: 0))
        let land = try json(DocumentFetchBody(kioskID: rig.kioskA, identity: nil, key: parcel.number, options: [:], atUTCMilliseconds: 0))
        let noParcel = try json(DocumentFetchBody(kioskID: rig.kioskA, identity: nil, key: "0", options: [:], atUTCMilliseconds: 0))
        let start = try json(MobileIDStartBody(kioskID: rig.kioskA, atUTCMilliseconds: 0))
        let verifyPath = "/v1/identity/verify"
        let replayed = signed("POST", verifyPath, verifyBody)
        let outcomePath = "/v1/mobile-id/requests/\(challenge.id)/outcome"
        let json = "application/json"
        typealias Case = OpenAPIContractTests.Case
        var cases: [Case] = [
            Case(method: "POST", template: verifyPath, url: verifyPath, body: verifyBody, contentType: json, headers: replayed),
            Case(method: "POST", template: verifyPath, url: verifyPath, body: verifyBody, contentType: json, headers: replayed),
            Case(method: "POST", template: verifyPath, url: verifyPath, body: badRRN, contentType: json, headers: signed("POST", verifyPath, badRRN)),
            Case(method: "POST", template: verifyPath, url: verifyPath, body: verifyBody, contentType: json),
            Case(method: "POST", template: verifyPath, url: verifyPath, body: verifyBody, contentType: json,
                 headers: signed("POST", verifyPath, verifyBody, key: KioskSigningKey())),
            Case(method: "POST", template: verifyPath, url: verifyPath, body: verifyBody, contentType: "text/plain"),
        ]
        for (code, body) in [("RR-DEUNGBON", deungbon), ("LD-LAND", land), ("LD-LAND", noParcel)] {
            let path = "/v1/documents/\(code)"
            cases.append(Case(method: "POST", template: "/v1/documents/{code}", url: path, body: body, contentType: json, headers: signed("POST", path, body)))
        }
        cases += [
            Case(method: "GET", template: "/v1/agencies", url: "/v1/agencies"),
            Case(method: "POST", template: "/v1/mobile-id/requests", url: "/v1/mobile-id/requests", body: start, contentType: json,
                 headers: signed("POST", "/v1/mobile-id/requests", start)),
            Case(method: "POST", template: "/v1/mobile-id/requests", url: "/v1/mobile-id/requests", body: start, contentType: json),
            Case(method: "GET", template: "/v1/mobile-id/requests/{state}", url: "/v1/mobile-id/requests/\(challenge.id)"),
            Case(method: "GET", template: "/v1/mobile-id/requests/{state}/outcome", url: outcomePath, headers: signed("GET", outcomePath)),
            Case(method: "POST", template: "/v1/mobile-id/responses", url: "/v1/mobile-id/responses", body: presentation, contentType: json),
            Case(method: "POST", template: "/v1/mobile-id/responses", url: "/v1/mobile-id/responses", body: presentation, contentType: json),
            Case(method: "POST", template: "/v1/mobile-id/responses", url: "/v1/mobile-id/responses", body: rejectedBody, contentType: json),
            Case(method: "GET", template: "/v1/mobile-id/requests/{state}", url: "/v1/mobile-id/requests/\(challenge.id)"),
            Case(method: "GET", template: "/v1/mobile-id/requests/{state}/outcome", url: outcomePath, headers: signed("GET", outcomePath)),
        ]
        var covered: Set<String> = []
        var statuses: [String: Set<Int>] = [:]
        for item in cases {
            covered.insert("\(item.method.lowercased()) \(item.template)")
            statuses[item.template, default: []].insert(try await OpenAPIContractTests.check(item, base: rig.central.baseURL, spec: spec))
        }
        // The cases reach the answers they are meant to.
        #expect(statuses[verifyPath] == [200, 409, 400, 401, 403, 415])
        #expect(statuses["/v1/documents/{code}"] == [200, 404])
        #expect(statuses["/v1/mobile-id/responses"] == [200, 409, 400])
        #expect(statuses["/v1/mobile-id/requests/{state}"] == [200, 404])
        var documented: Set<String> = []
        for (path, value) in paths {
            for (method, operation) in value as? [String: Any] ?? [:]
            where (((operation as? [String: Any])?["tags"] as? [String]) ?? []).contains("identity") {
                documented.insert("\(method) \(path)")
            }
        }
        #expect(covered == documented, "identity operations without a contract case: \(documented.subtracting(covered))")
    }
}
