import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The HTTP half shared by the identity, document, mobile-ID and configuration clients: signs each
/// request with the kiosk key (`SignedRequest`), trusts only the configured CA over HTTPS (like the
/// sync client), bounds it by a timeout, and returns status and body or the transport's failure as
/// text (never throws anything else, never hangs past the timeout).
struct CentralCaller: Sendable {
    let baseURL: String
    let kioskID: String
    let key: KioskSigningKey
    let timeoutSeconds: Int64
    let trust: SyncTrust?

    init(baseURL: String, kioskID: String, key: KioskSigningKey, timeout: Duration, trust: SyncTrust?) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.kioskID = kioskID
        self.key = key
        self.timeoutSeconds = max(1, timeout.components.seconds)
        self.trust = trust
    }

    struct Answer {
        var status: Int
        var body: Data
    }

    /// Sends `body` (JSON) to `path` with `method`; signed unless `signed` is false.
    func send(_ method: HTTPMethod, _ path: String, body: [UInt8]? = nil, signed: Bool = true) async -> Result<Answer, TransportFailure> {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let trust { request.tlsConfiguration = trust.tlsConfiguration }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        if signed {
            for header in SignedRequest.headers(method: method.rawValue, path: path, kioskID: kioskID, key: key, body: body ?? []) {
                request.headers.add(name: header.name, value: header.value)
            }
        }
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeoutSeconds))
            let bytes = try await response.body.collect(upTo: 8 << 20)
            return .success(Answer(status: Int(response.status.code), body: Data(bytes.readableBytesView)))
        } catch {
            if let reason = SyncTrust.failureReason(error) {
                return .failure(TransportFailure(message: "\(baseURL)\(path): \(reason)", untrusted: true))
            }
            return .failure(TransportFailure(message: "\(baseURL)\(path): \(error)", untrusted: false))
        }
    }

    /// A path segment percent-encoded.
    static func segment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// The body of a refusal as a sentence (the problem's reason when it is one).
    static func describe(_ answer: Answer) -> String {
        if let problem = try? WireCoding.decoder().decode(CentralProblem.self, from: answer.body) {
            return "central answered \(answer.status) \(problem.error): \(problem.reason)"
        }
        return "central answered \(answer.status): \(String(decoding: answer.body.prefix(200), as: UTF8.self))"
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
}

/// A request that got no HTTP answer (connection refused, timeout, broken connection, or a central
/// whose certificate the configured CA does not vouch for: `untrusted`).
struct TransportFailure: Error {
    var message: String
    var untrusted: Bool
}
