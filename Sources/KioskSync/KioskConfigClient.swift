public import Foundation
import NIOHTTP1

/// Fetches the kiosk's effective configuration document from central
/// (`GET /v1/kiosks/{id}/config`), signed like the identity requests (`SignedRequest`: kiosk id,
/// timestamp, single-use nonce and an Ed25519 signature over method, path and those headers), over
/// HTTPS trusting only the configured CA when `trust` is given.
public struct KioskConfigClient: Sendable {
    private let caller: CentralCaller

    /// A client for kiosk `kioskID` at `baseURL`, signing with `key`; each request has `timeout`; over
    /// HTTPS only `trust`'s CA is accepted.
    public init(baseURL: String, kioskID: String, key: KioskSigningKey, timeout: Duration = .seconds(30), trust: SyncTrust? = nil) {
        caller = CentralCaller(baseURL: baseURL, kioskID: kioskID, key: key, timeout: timeout, trust: trust)
    }

    /// This kiosk's id.
    public var kioskID: String { caller.kioskID }

    /// The path of the configuration endpoint for this kiosk (what the signature covers).
    public var path: String { "/v1/kiosks/\(CentralCaller.segment(kioskID))/config" }

    /// The kiosk's effective configuration as central answers it now.
    /// - Throws: `SyncError.unreachable` (no answer), `.untrusted` (TLS), `.refused` (central's problem,
    ///   e.g. 404 for an unregistered kiosk), `.badAnswer` (an answer that is not a configuration, or one
    ///   for another kiosk).
    public func fetch() async throws(SyncError) -> KioskConfigAnswer {
        let answer: CentralCaller.Answer
        switch await caller.send(.GET, path) {
        case .success(let received): answer = received
        case .failure(let failure): throw failure.untrusted ? .untrusted(failure.message) : .unreachable(failure.message)
        }
        let data = answer.body
        guard answer.status == 200 else {
            if let problem = try? WireCoding.decoder().decode(CentralProblem.self, from: data) { throw .refused(status: answer.status, problem: problem) }
            throw .badAnswer(status: answer.status, body: String(decoding: data.prefix(200), as: UTF8.self))
        }
        let config: KioskConfigAnswer
        do { config = try WireCoding.decoder().decode(KioskConfigAnswer.self, from: data) } catch {
            throw .badAnswer(status: answer.status, body: "not a configuration answer (\(error)): " + String(decoding: data.prefix(200), as: UTF8.self))
        }
        guard config.kioskID == kioskID else {
            throw .badAnswer(status: answer.status, body: "a configuration for kiosk \(config.kioskID), not \(kioskID)")
        }
        return config
    }
}
