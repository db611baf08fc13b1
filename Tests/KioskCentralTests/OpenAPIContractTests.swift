import Foundation
import KioskCore
import KioskSync
import KioskTestSupport
import Testing

/// Checks the running server against docs/openapi/central.yaml: every documented operation is called,
/// every answer's status is documented for it, and JSON answers carry the documented required properties
/// with the documented JSON types.
@Suite(.serialized) struct OpenAPIContractTests {
    /// The spec as JSON, converted by Python's yaml module (Debian's python3-yaml).
    static func loadSpec() async throws -> [String: Any] {
        let path = BuiltProducts.packageRoot + "/docs/openapi/central.yaml"
        let result = try await runProcess(
            "/usr/bin/python3", ["-c", "import json,sys,yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)", path])
        guard result.status == 0 else { throw ChildProcess.Failure(description: "cannot read \(path): \(result.stderr)") }
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    struct Case {
        var method: String
        var template: String
        var url: String
        var body: [UInt8]? = nil
        var contentType: String? = nil
        var headers: [String: String] = [:]
    }

    /// Sends `item` to the server at `base` and checks the answer against `spec`: the operation exists,
    /// the status is documented for it, the media type is documented for that status, and the body
    /// conforms to its schema. Answers the status.
    static func check(_ item: Case, base: String, spec: [String: Any]) async throws -> Int {
        let paths = try #require(spec["paths"] as? [String: Any])
        let operation = try #require((paths[item.template] as? [String: Any])?[item.method.lowercased()] as? [String: Any], "\(item.method) \(item.template) is not in the spec")
        let answer = try await HTTPProbe.send(item.method, base + item.url, body: item.body, contentType: item.contentType, headers: item.headers)
        let responses = try #require(operation["responses"] as? [String: Any])
        let documented = try #require(responses["\(answer.status)"] as? [String: Any], "\(item.method) \(item.url) answered \(answer.status), not documented: \(answer.body.prefix(200))")
        let content = documented["content"] as? [String: Any] ?? [:]
        let mediaType = answer.contentType.split(separator: ";").first.map { String($0) } ?? ""
        let media = try #require(content[mediaType] as? [String: Any], "\(item.method) \(item.url) answered \(mediaType), not documented for \(answer.status)")
        if let schema = media["schema"] as? [String: Any] {
            let value = try JSONSerialization.jsonObject(with: Data(answer.body.utf8), options: [.fragmentsAllowed])
            let found = problems(value, schema: schema, spec: spec, at: "\(item.method) \(item.url)")
            #expect(found.isEmpty, "\(found)")
        }
        return answer.status
    }

    /// Problems of `value` against `schema` (empty when it conforms), resolving `$ref`s in `spec`.
    static func problems(_ value: Any, schema: [String: Any], spec: [String: Any], at path: String) -> [String] {
        var schema = schema
        if let reference = schema["$ref"] as? String {
            let name = reference.split(separator: "/").last.map(String.init) ?? ""
            let components = (spec["components"] as? [String: Any])?["schemas"] as? [String: Any]
            guard let resolved = components?[name] as? [String: Any] else { return ["\(path): unresolved \(reference)"] }
            schema = resolved
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): expected an object"] }
            var out: [String] = []
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                out.append("\(path): missing required \"\(key)\"")
            }
            for (key, property) in schema["properties"] as? [String: Any] ?? [:] {
                if let child = object[key], !(child is NSNull), let property = property as? [String: Any] {
                    out += problems(child, schema: property, spec: spec, at: path + "." + key)
                }
            }
            return out
        case "array":
            guard let array = value as? [Any] else { return ["\(path): expected an array"] }
            guard let items = schema["items"] as? [String: Any] else { return [] }
            return array.enumerated().flatMap { problems($0.element, schema: items, spec: spec, at: "\(path)[\($0.offset)]") }
        case "string":
            return value is String ? [] : ["\(path): expected a string"]
        case "integer":
            return (value as? Int) != nil || (value as? Int64) != nil ? [] : ["\(path): expected an integer"]
        case "boolean":
            return value is Bool ? [] : ["\(path): expected a boolean"]
        default:
            return []
        }
    }

    @Test func serverMatchesTheSpec() async throws {
        let spec = try await Self.loadSpec()
        let paths = try #require(spec["paths"] as? [String: Any])
        let folder = try TemporaryDirectory(prefix: "central-openapi")
        var chain = ChainFixture(kioskID: "seoul-jongno-01", kioskNumber: 101)
        let number = chain.issue()
        chain.issue()
        let database = folder.file("central.sqlite")
        try await RunningCentral.register(database: database, id: chain.kioskID, publicKey: chain.key.publicKey.base64, name: "종로")
        let central = try await RunningCentral(database: database, folder: folder.path)
        let base = central.baseURL
        let kiosk = "/v1/kiosks/\(chain.kioskID)"
        func signedGET(_ path: String) -> [String: String] {
            Dictionary(uniqueKeysWithValues: SignedRequest.headers(method: "GET", path: path, kioskID: chain.kioskID, key: chain.key, body: []).map { ($0.name, $0.value) })
        }
        let batch = Array(try WireCoding.encoder().encode(chain.batch(1...3)))
        let gap = Array(try WireCoding.encoder().encode(chain.batch(5...6)))
        let beat = Array(try WireCoding.encoder().encode(KioskHeartbeat(
            kioskID: chain.kioskID, sentAtUTCMilliseconds: 1, lastSequence: 6, syncLag: 3, devices: [DeviceReport(name: "printer", state: "online")])))
        var mistyped = Array(number.digits)
        mistyped.swapAt(3, 4)
        if mistyped == Array(number.digits) { mistyped[3] = mistyped[3] == "1" ? "2" : "1" }
        let json = "application/json"
        let cases: [Case] = [
            Case(method: "GET", template: "/healthz", url: "/healthz"),
            Case(method: "POST", template: "/v1/kiosks/{id}/ledger", url: kiosk + "/ledger", body: batch, contentType: json),
            Case(method: "POST", template: "/v1/kiosks/{id}/ledger", url: kiosk + "/ledger", body: batch, contentType: json),
            Case(method: "POST", template: "/v1/kiosks/{id}/ledger", url: kiosk + "/ledger", body: gap, contentType: json),
            Case(method: "POST", template: "/v1/kiosks/{id}/ledger", url: kiosk + "/ledger", body: Array("{".utf8), contentType: json),
            Case(method: "POST", template: "/v1/kiosks/{id}/ledger", url: kiosk + "/ledger", body: batch, contentType: "text/plain"),
            Case(method: "POST", template: "/v1/kiosks/{id}/ledger", url: "/v1/kiosks/nobody/ledger", body: batch, contentType: json),
            Case(method: "GET", template: "/v1/kiosks/{id}/ledger/head", url: kiosk + "/ledger/head"),
            Case(method: "GET", template: "/v1/kiosks/{id}/ledger/head", url: "/v1/kiosks/nobody/ledger/head"),
            Case(method: "POST", template: "/v1/kiosks/{id}/heartbeat", url: kiosk + "/heartbeat", body: beat, contentType: json,
                 headers: [WireCoding.signatureHeader: chain.key.signature(for: beat)]),
            Case(method: "POST", template: "/v1/kiosks/{id}/heartbeat", url: kiosk + "/heartbeat", body: beat, contentType: json),
            Case(method: "POST", template: "/v1/kiosks/{id}/heartbeat", url: kiosk + "/heartbeat", body: beat, contentType: json,
                 headers: [WireCoding.signatureHeader: KioskSigningKey().signature(for: beat)]),
            Case(method: "GET", template: "/v1/verify/{issuanceNumber}", url: "/v1/verify/\(number.formatted)"),
            Case(method: "GET", template: "/v1/verify/{issuanceNumber}", url: "/v1/verify/\(String(mistyped))"),
            Case(method: "GET", template: "/v1/verify/{issuanceNumber}", url: "/v1/verify/\(try IssuanceNumber(kioskNumber: 9, sequence: 9).digits)"),
            Case(method: "GET", template: "/v1/kiosks", url: "/v1/kiosks"),
            Case(method: "GET", template: "/v1/kiosks", url: "/v1/kiosks?format=csv"),
            Case(method: "GET", template: "/v1/kiosks", url: "/v1/kiosks?format=xml"),
            Case(method: "GET", template: "/v1/reports/daily", url: "/v1/reports/daily?date=2025-11-20"),
            Case(method: "GET", template: "/v1/reports/daily", url: "/v1/reports/daily?date=2025-11-20&format=csv"),
            Case(method: "GET", template: "/v1/reports/daily", url: "/v1/reports/daily?date=yesterday"),
            Case(method: "GET", template: "/v1/kiosks/{id}/config", url: kiosk + "/config", headers: signedGET(kiosk + "/config")),
            Case(method: "GET", template: "/v1/kiosks/{id}/config", url: kiosk + "/config"),
            Case(method: "GET", template: "/v1/kiosks/{id}/config", url: "/v1/kiosks/nobody/config", headers: signedGET("/v1/kiosks/nobody/config")),
            Case(method: "GET", template: "/v1/alerts", url: "/v1/alerts"),
            Case(method: "GET", template: "/v1/alerts", url: "/v1/alerts?format=csv"),
            Case(method: "GET", template: "/v1/alerts", url: "/v1/alerts?format=xml"),
            Case(method: "GET", template: "/", url: "/"),
        ]
        var covered: Set<String> = []
        for item in cases {
            covered.insert("\(item.method.lowercased()) \(item.template)")
            _ = try await Self.check(item, base: base, spec: spec)
        }
        var documentedOperations: Set<String> = []
        for (path, value) in paths {
            // Operations tagged `identity` have their cases in IdentityContractTests.
            for (method, operation) in value as? [String: Any] ?? [:]
            where !(((operation as? [String: Any])?["tags"] as? [String]) ?? []).contains("identity") {
                documentedOperations.insert("\(method) \(path)")
            }
        }
        #expect(covered == documentedOperations, "operations in the spec without a contract case: \(documentedOperations.subtracting(covered))")
    }
}
