import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// The kiosk's HTTP client for central: pushes signed batches, asks for the acknowledged head, sends
/// signed heartbeats. Uses AsyncHTTPClient's shared client (nothing to shut down).
public struct SyncClient: Sendable {
    /// Central's base URL, e.g. `http://127.0.0.1:8090`.
    public let baseURL: String
    /// This kiosk's id.
    public let kioskID: String
    private let key: KioskSigningKey
    private let timeoutSeconds: Int64
    private let trust: SyncTrust?

    /// A client for kiosk `kioskID` talking to `baseURL`, signing with `key`; each request has `timeout`.
    /// With `trust`, HTTPS connections accept only certificates issued by its CA file (the system's
    /// store is not consulted); without it, an `https` URL would fall back to the system's store, so the
    /// daemon always passes one for `https`.
    public init(baseURL: String, kioskID: String, key: KioskSigningKey, timeout: Duration = .seconds(30), trust: SyncTrust? = nil) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.kioskID = kioskID
        self.key = key
        self.timeoutSeconds = max(1, timeout.components.seconds)
        self.trust = trust
    }

    private var kioskPath: String {
        "\(baseURL)/v1/kiosks/\(kioskID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? kioskID)"
    }

    /// Pushes `batch`; answers central's acknowledgement.
    /// - Throws: `SyncError.refused` (with `expectedSequence` for a 409 gap), `.unreachable`, `.badAnswer`.
    public func push(_ batch: LedgerBatch) async throws(SyncError) -> LedgerAck {
        let body: Data
        do { body = try WireCoding.encoder().encode(batch) } catch { throw .badAnswer(status: 0, body: "cannot encode batch: \(error)") }
        return try await send(method: .POST, url: kioskPath + "/ledger", body: Array(body), signature: nil)
    }

    /// The last entry central holds for this kiosk.
    public func head() async throws(SyncError) -> LedgerAck {
        try await send(method: .GET, url: kioskPath + "/ledger/head", body: nil, signature: nil)
    }

    /// Sends a heartbeat signed over its body; answers central's head for the kiosk.
    public func heartbeat(_ heartbeat: KioskHeartbeat) async throws(SyncError) -> LedgerAck {
        let body: [UInt8]
        do { body = Array(try WireCoding.encoder().encode(heartbeat)) } catch {
            throw .badAnswer(status: 0, body: "cannot encode heartbeat: \(error)")
        }
        return try await send(method: .POST, url: kioskPath + "/heartbeat", body: body, signature: key.signature(for: body))
    }

    private func send(method: HTTPMethod, url: String, body: [UInt8]?, signature: String?) async throws(SyncError) -> LedgerAck {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let trust { request.tlsConfiguration = trust.tlsConfiguration }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        if let signature { request.headers.add(name: WireCoding.signatureHeader, value: signature) }
        let status: Int
        let bytes: ByteBuffer
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeoutSeconds))
            status = Int(response.status.code)
            bytes = try await response.body.collect(upTo: 1 << 20)
        } catch {
            if let reason = SyncTrust.failureReason(error) { throw .untrusted(reason) }
            throw .unreachable(String(describing: error))
        }
        let data = Data(bytes.readableBytesView)
        if status == 200 {
            do { return try WireCoding.decoder().decode(LedgerAck.self, from: data) } catch {
                throw .badAnswer(status: status, body: String(decoding: data.prefix(200), as: UTF8.self))
            }
        }
        if let problem = try? WireCoding.decoder().decode(CentralProblem.self, from: data) {
            throw .refused(status: status, problem: problem)
        }
        throw .badAnswer(status: status, body: String(decoding: data.prefix(200), as: UTF8.self))
    }
}
