import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Fetches the kiosk's effective configuration document from central
/// (`GET /v1/kiosks/{id}/config`), signed like the identity requests (`SignedRequest`: kiosk id,
/// timestamp, single-use nonce and an Ed25519 signature over method, path and those headers), over
/// HTTPS trusting only the configured CA when `trust` is given.
public struct KioskConfigClient: Sendable {
    /// Central's base URL, e.g. `http://127.0.0.1:8090`.
    public let baseURL: String
    /// This kiosk's id.
    public let kioskID: String
    private let key: KioskSigningKey
    private let timeoutSeconds: Int64
    private let trust: SyncTrust?

    /// A client for kiosk `kioskID` at `baseURL`, signing with `key`; each request has `timeout`.
    public init(baseURL: String, kioskID: String, key: KioskSigningKey, timeout: Duration = .seconds(30), trust: SyncTrust? = nil) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.kioskID = kioskID
        self.key = key
        self.timeoutSeconds = max(1, timeout.components.seconds)
        self.trust = trust
    }

    /// The path of the configuration endpoint for this kiosk (what the signature covers).
    public var path: String { "/v1/kiosks/\(CentralCaller.segment(kioskID))/config" }

    /// The kiosk's effective configuration as central answers it now.
    /// - Throws: `SyncError.unreachable` (no answer), `.untrusted` (TLS), `.refused` (central's problem,
    ///   e.g. 404 for an unregistered kiosk), `.badAnswer` (an answer that is not a configuration, or one
    ///   for another kiosk).
    public func fetch(now: Date = Date()) async throws(SyncError) -> KioskConfigAnswer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .GET
        if let trust { request.tlsConfiguration = trust.tlsConfiguration }
        for header in SignedRequest.headers(method: "GET", path: path, kioskID: kioskID, key: key, body: [], now: now) {
            request.headers.add(name: header.name, value: header.value)
        }
        let status: Int
        let bytes: ByteBuffer
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeoutSeconds))
            status = Int(response.status.code)
            bytes = try await response.body.collect(upTo: 1 << 20)
        } catch let error as NIOSSLError {
            throw .untrusted(String(describing: error))
        } catch let error as NIOSSLExtraError {
            throw .untrusted(String(describing: error))
        } catch {
            throw .unreachable(String(describing: error))
        }
        let data = Data(bytes.readableBytesView)
        guard status == 200 else {
            if let problem = try? WireCoding.decoder().decode(CentralProblem.self, from: data) { throw .refused(status: status, problem: problem) }
            throw .badAnswer(status: status, body: String(decoding: data.prefix(200), as: UTF8.self))
        }
        let answer: KioskConfigAnswer
        do { answer = try WireCoding.decoder().decode(KioskConfigAnswer.self, from: data) } catch {
            throw .badAnswer(status: status, body: "not a configuration answer (\(error)): " + String(decoding: data.prefix(200), as: UTF8.self))
        }
        guard answer.kioskID == kioskID else {
            throw .badAnswer(status: status, body: "a configuration for kiosk \(answer.kioskID), not \(kioskID)")
        }
        return answer
    }
}
