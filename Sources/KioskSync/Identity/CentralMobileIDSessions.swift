public import KioskCore
import Foundation
import NIOHTTP1

/// `MobileIDSessions` served by kiosk-central: opens requests (`POST /v1/mobile-id/requests`) and polls
/// their outcome (`GET /v1/mobile-id/requests/{state}/outcome`), both signed with the kiosk key.
public struct CentralMobileIDSessions: MobileIDSessions {
    private let caller: CentralCaller

    /// Sessions for kiosk `kioskID` at central `baseURL`, signing with `key`; each request gives up after `timeout`;
    /// over HTTPS only `trust`'s CA is accepted.
    public init(baseURL: String, kioskID: String, key: KioskSigningKey, timeout: Duration = .seconds(10), trust: SyncTrust? = nil) {
        caller = CentralCaller(baseURL: baseURL, kioskID: kioskID, key: key, timeout: timeout, trust: trust)
    }

    /// A new one-time request for `kioskID` (must be this client's kiosk: central checks it against the signature).
    /// - Throws: `.backendUnavailable` when central cannot be reached, refuses or answers something unreadable.
    public func start(kioskID: String) async throws(IdentityVerificationError) -> MobileIDChallenge {
        let bytes: [UInt8]
        do {
            bytes = Array(try WireCoding.encoder().encode(MobileIDStartBody(kioskID: kioskID, atUTCMilliseconds: CentralCaller.milliseconds(Date()))))
        } catch { throw .backendUnavailable(reason: "cannot encode the request: \(error)") }
        let answer = try await send(.POST, "/v1/mobile-id/requests", bytes)
        guard answer.status == 200 else { throw .backendUnavailable(reason: CentralCaller.describe(answer)) }
        guard let challenge = try? WireCoding.decoder().decode(MobileIDChallengeAnswer.self, from: answer.body) else {
            throw .backendUnavailable(reason: "central's mobile-ID request is unreadable")
        }
        return MobileIDChallenge(
            id: challenge.id, qrText: challenge.qrText,
            expiresAt: Date(timeIntervalSince1970: TimeInterval(challenge.expiresAtUTCMilliseconds) / 1000))
    }

    /// The outcome of request `id` so far.
    /// - Throws: `.backendUnavailable` when central cannot be reached, does not know `id` (404) or answers something unreadable.
    public func outcome(of id: String) async throws(IdentityVerificationError) -> MobileIDOutcome {
        let answer = try await send(.GET, "/v1/mobile-id/requests/\(CentralCaller.segment(id))/outcome", nil)
        guard answer.status == 200 else { throw .backendUnavailable(reason: CentralCaller.describe(answer)) }
        guard let outcome = try? WireCoding.decoder().decode(MobileIDOutcomeAnswer.self, from: answer.body) else {
            throw .backendUnavailable(reason: "central's mobile-ID outcome is unreadable")
        }
        switch outcome.status {
        case "pending": return .pending
        case "expired": return .expired
        case "rejected": return .rejected(reason: outcome.reason ?? "rejected")
        case "verified":
            guard let identity = outcome.identity?.identity else { throw .backendUnavailable(reason: "central's verified outcome has no readable identity") }
            return .verified(identity)
        default:
            throw .backendUnavailable(reason: "central answered an unknown mobile-ID status \(outcome.status)")
        }
    }

    private func send(_ method: HTTPMethod, _ path: String, _ body: [UInt8]?) async throws(IdentityVerificationError) -> CentralCaller.Answer {
        switch await caller.send(method, path, body: body) {
        case .success(let answer): return answer
        case .failure(let failure): throw .backendUnavailable(reason: failure.message)
        }
    }
}
