public import KioskCore
import Foundation
import NIOHTTP1

/// `IdentityVerifier` that asks kiosk-central (`POST /v1/identity/verify`, signed with the kiosk key).
public struct CentralIdentityVerifier: IdentityVerifier {
    private let caller: CentralCaller

    /// A verifier for kiosk `kioskID` talking to central at `baseURL` (e.g. `http://127.0.0.1:8090`),
    /// signing with `key`; each request gives up after `timeout`;
    /// over HTTPS only `trust`'s CA is accepted.
    public init(baseURL: String, kioskID: String, key: KioskSigningKey, timeout: Duration = .seconds(10), trust: SyncTrust? = nil) {
        caller = CentralCaller(baseURL: baseURL, kioskID: kioskID, key: key, timeout: timeout, trust: trust)
    }

    /// Central's verdict for `request`.
    /// - Throws: `.backendUnavailable` when central cannot be reached, refuses the request (signature,
    ///   registry not seeded …) or answers something unreadable; `.malformedTemplate` when central says the
    ///   template is not a valid record.
    public func verify(_ request: IdentityVerificationRequest) async throws(IdentityVerificationError) -> IdentityVerdict {
        let body = IdentityVerifyBody(
            kioskID: request.kioskID, residentNumber: request.residentNumber.unmaskedDigits,
            template: Data(request.template).base64EncodedString(), quality: request.quality,
            atUTCMilliseconds: CentralCaller.milliseconds(request.at))
        let bytes: [UInt8]
        do { bytes = Array(try WireCoding.encoder().encode(body)) } catch {
            throw .backendUnavailable(reason: "cannot encode the request: \(error)")
        }
        let answer: CentralCaller.Answer
        switch await caller.send(.POST, "/v1/identity/verify", body: bytes) {
        case .success(let received): answer = received
        case .failure(let failure): throw .backendUnavailable(reason: failure.message)
        }
        guard answer.status == 200 else {
            if answer.status == 400, let problem = try? WireCoding.decoder().decode(CentralProblem.self, from: answer.body),
               problem.error == "malformed-template"
            {
                throw .malformedTemplate(reason: problem.reason)
            }
            throw .backendUnavailable(reason: CentralCaller.describe(answer))
        }
        guard let verdict = try? WireCoding.decoder().decode(IdentityVerifyAnswer.self, from: answer.body) else {
            throw .backendUnavailable(reason: "central's verdict is unreadable: \(String(decoding: answer.body.prefix(200), as: UTF8.self))")
        }
        switch verdict.result {
        case "verified":
            guard let identity = verdict.identity?.identity else { throw .backendUnavailable(reason: "central's verified answer has no readable identity") }
            return .verified(identity)
        case "not-matched":
            return .notMatched(remainingAttempts: verdict.remainingAttempts ?? 0)
        case "not-enrolled":
            return .notEnrolled
        case "locked-out":
            guard let until = verdict.lockedUntilUTCMilliseconds else { throw .backendUnavailable(reason: "central's lock-out answer has no end") }
            return .lockedOut(until: Date(timeIntervalSince1970: TimeInterval(until) / 1000))
        default:
            throw .backendUnavailable(reason: "central answered an unknown result \(verdict.result)")
        }
    }
}
