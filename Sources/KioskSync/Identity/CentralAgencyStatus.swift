import Foundation
import NIOHTTP1

/// Reads kiosk-central's agency availability (`GET /v1/agencies`, public), so the kiosk can take documents of a
/// closed or down agency out of the menu.
public struct CentralAgencyStatus: Sendable {
    private let caller: CentralCaller

    /// A reader for central at `baseURL` (requests are signed as kiosk `kioskID` with `key`); gives up after `timeout`;
    /// over HTTPS only `trust`'s CA is accepted.
    public init(baseURL: String, kioskID: String, key: KioskSigningKey, timeout: Duration = .seconds(10), trust: SyncTrust? = nil) {
        caller = CentralCaller(baseURL: baseURL, kioskID: kioskID, key: key, timeout: timeout, trust: trust)
    }

    /// Every agency's status.
    /// - Throws: `SyncError.unreachable` when central cannot be reached, `.refused`/`.badAnswer` otherwise.
    public func fetch() async throws(SyncError) -> [AgencyStatus] {
        let answer: CentralCaller.Answer
        switch await caller.send(.GET, "/v1/agencies", signed: false) {
        case .success(let received): answer = received
        case .failure(let failure): throw failure.untrusted ? .untrusted(failure.message) : .unreachable(failure.message)
        }
        guard answer.status == 200 else {
            if let problem = try? WireCoding.decoder().decode(CentralProblem.self, from: answer.body) {
                throw .refused(status: answer.status, problem: problem)
            }
            throw .badAnswer(status: answer.status, body: String(decoding: answer.body.prefix(200), as: UTF8.self))
        }
        do { return try WireCoding.decoder().decode([AgencyStatus].self, from: answer.body) } catch {
            throw .badAnswer(status: answer.status, body: String(decoding: answer.body.prefix(200), as: UTF8.self))
        }
    }
}
