public import KioskCore
import Foundation
import NIOHTTP1

/// `DocumentSource` that asks kiosk-central (`POST /v1/documents/{code}`, signed with the kiosk key).
public struct CentralDocumentSource: DocumentSource {
    private let caller: CentralCaller

    /// A source for kiosk `kioskID` talking to central at `baseURL`, signing with `key`; each request gives
    /// up after `timeout`; over HTTPS only `trust`'s CA is accepted.
    public init(baseURL: String, kioskID: String, key: KioskSigningKey, timeout: Duration = .seconds(15), trust: SyncTrust? = nil) {
        caller = CentralCaller(baseURL: baseURL, kioskID: kioskID, key: key, timeout: timeout, trust: trust)
    }

    /// The content central returns for `request`.
    /// - Throws: `DocumentUnavailable`: `notFound` for 404, `backendClosed`/`backendDown` as central says;
    ///   an unreachable or failing central is `backendDown(agency: "central", …)`.
    public func content(for request: DocumentRequest) async throws(DocumentUnavailable) -> DocumentContent {
        let body = DocumentFetchBody(
            kioskID: caller.kioskID, identity: request.identity.map(VerifiedIdentityWire.init), key: request.key,
            options: request.options, atUTCMilliseconds: CentralCaller.milliseconds(request.at))
        let bytes: [UInt8]
        do { bytes = Array(try WireCoding.encoder().encode(body)) } catch {
            throw .backendDown(agency: "central", reason: "cannot encode the request: \(error)")
        }
        let answer: CentralCaller.Answer
        switch await caller.send(.POST, "/v1/documents/" + CentralCaller.segment(request.code), body: bytes) {
        case .success(let received): answer = received
        case .failure(let failure): throw .backendDown(agency: "central", reason: failure.message)
        }
        if answer.status == 200 {
            guard let content = try? WireCoding.decoder().decode(DocumentContent.self, from: answer.body) else {
                throw .backendDown(agency: "central", reason: "central's document content is unreadable")
            }
            return content
        }
        guard let problem = try? WireCoding.decoder().decode(DocumentProblem.self, from: answer.body) else {
            throw .backendDown(agency: "central", reason: CentralCaller.describe(answer))
        }
        switch (answer.status, problem.error) {
        case (404, _):
            throw .notFound(what: problem.reason)
        case (503, "agency-closed"):
            throw .backendClosed(
                agency: problem.agency ?? "unknown",
                reopens: problem.reopensAtUTCMilliseconds.map { Date(timeIntervalSince1970: TimeInterval($0) / 1000) })
        case (503, "agency-down"):
            throw .backendDown(agency: problem.agency ?? "unknown", reason: problem.reason)
        default:
            throw .backendDown(agency: "central", reason: "central answered \(answer.status) \(problem.error): \(problem.reason)")
        }
    }
}
