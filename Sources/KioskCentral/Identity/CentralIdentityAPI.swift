import Foundation
import HTTPTypes
import Hummingbird
import KioskCore
import KioskIdentity
import KioskSync
import Logging

/// The HTTP face of `CentralIdentityService`: kiosk-signed `POST /v1/identity/verify`,
/// `POST /v1/documents/{code}`, `POST /v1/mobile-id/requests` and `GET /v1/mobile-id/requests/{state}/outcome`;
/// public `GET /v1/mobile-id/requests/{state}` and `POST /v1/mobile-id/responses` for wallets; public
/// `GET /v1/agencies`.
struct CentralIdentityAPI: Sendable {
    let loader: CentralIdentityLoader
    let authenticator: KioskRequestAuthenticator
    let reader: CentralRequestReader
    let logger: Logger
    /// `https` when central serves TLS: the QR codes' request and response URIs use it.
    let scheme: String

    /// The API over `storage`, checking signed requests with `authenticator`; the service loads in
    /// `loader` (put it in the server's service group).
    /// - Throws: `CentralIdentityConfigurationError` naming a bad issuer key or hours rule.
    init(
        storage: any CentralStorage, configuration: CentralConfiguration, authenticator: KioskRequestAuthenticator, logger: Logger
    ) throws(CentralIdentityConfigurationError) {
        _ = try CentralIdentityService.validate(configuration.identity)
        loader = CentralIdentityLoader(storage: storage, configuration: configuration.identity, logger: logger)
        self.authenticator = authenticator
        reader = CentralRequestReader(bodyLimit: configuration.bodyLimit)
        self.logger = logger
        scheme = configuration.tls == nil ? "http" : "https"
    }

    /// Adds the routes to `router`.
    func addRoutes(to router: Router<BasicRequestContext>) {
        router.post("/v1/identity/verify") { request, _ in await self.verify(request) }
        router.post("/v1/documents/:code") { request, context in await self.document(request, code: context.parameters.get("code") ?? "") }
        router.get("/v1/agencies") { _, _ in await self.agencies() }
        router.post("/v1/mobile-id/requests") { request, _ in await self.startMobileID(request) }
        router.get("/v1/mobile-id/requests/:state") { _, context in await self.requestObject(context.parameters.get("state") ?? "") }
        router.get("/v1/mobile-id/requests/:state/outcome") { request, context in
            await self.outcome(request, state: context.parameters.get("state") ?? "")
        }
        router.post("/v1/mobile-id/responses") { request, _ in await self.present(request) }
    }

    /// Reads, authenticates and decodes a signed request.
    private func signed<T: Decodable>(_ request: Request, as type: T.Type) async -> Result<(String, T), ProblemResponse> {
        let bytes: [UInt8]
        switch await reader.body(request) {
        case .success(let body): bytes = body
        case .failure(let problem): return .failure(problem)
        }
        let kioskID: String
        switch await authenticator.authenticate(
            method: request.method.rawValue, path: request.uri.path, headers: request.headers, body: bytes,
            nowUTCMilliseconds: CentralIdentityService.milliseconds(Date()))
        {
        case .success(let id): kioskID = id
        case .failure(let problem): return .failure(problem)
        }
        switch reader.decode(T.self, from: bytes) {
        case .success(let value): return .success((kioskID, value))
        case .failure(let problem): return .failure(problem)
        }
    }

    /// A signed request's kiosk and body, and the loaded service to answer it.
    private func signedForService<T: Decodable>(
        _ request: Request, as type: T.Type
    ) async -> Result<(kioskID: String, body: T, service: CentralIdentityService), ProblemResponse> {
        switch await signed(request, as: type) {
        case .failure(let problem): return .failure(problem)
        case .success(let (kioskID, body)):
            return await loader.service().map { (kioskID, body, $0) }
        }
    }

    func verify(_ request: Request) async -> Response {
        switch await signedForService(request, as: IdentityVerifyBody.self) {
        case .failure(let problem): return problem.response
        case .success(let (kioskID, body, service)):
            switch await service.verify(body, kioskID: kioskID, now: Date()) {
            case .success(let answer): return CentralResponses.json(answer)
            case .failure(let problem): return problem.response
            }
        }
    }

    func document(_ request: Request, code: String) async -> Response {
        switch await signedForService(request, as: DocumentFetchBody.self) {
        case .failure(let problem): return problem.response
        case .success(let (kioskID, body, service)):
            switch await service.document(code: code, body: body, kioskID: kioskID, now: Date()) {
            case .success(let content): return CentralResponses.json(content)
            case .failure(let refusal): return CentralResponses.json(refusal.problem, status: HTTPResponse.Status(code: refusal.status))
            }
        }
    }

    func agencies() async -> Response {
        let service: CentralIdentityService
        switch await loader.service() {
        case .success(let loaded): service = loaded
        case .failure(let problem): return problem.response
        }
        do throws(CentralStorageError) {
            return CentralResponses.json(try await service.agencies(now: Date()))
        } catch {
            return CentralResponses.problem(503, "storage-unavailable", error.description)
        }
    }

    func startMobileID(_ request: Request) async -> Response {
        switch await signedForService(request, as: MobileIDStartBody.self) {
        case .failure(let problem): return problem.response
        case .success(let (kioskID, body, service)):
            let host = request.head.authority ?? "127.0.0.1"
            switch await service.startMobileID(kioskID: kioskID, body: body, baseURL: "\(scheme)://\(host)", now: Date()) {
            case .success(let answer): return CentralResponses.json(answer)
            case .failure(let problem): return problem.response
            }
        }
    }

    func requestObject(_ state: String) async -> Response {
        let service: CentralIdentityService
        switch await loader.service() {
        case .success(let loaded): service = loaded
        case .failure(let problem): return problem.response
        }
        guard let object = await service.requestObject(state: state, now: Date()) else {
            return CentralResponses.problem(404, "unknown-request", "no open mobile-ID request \(state) (unknown, answered or expired)")
        }
        return CentralResponses.json(object)
    }

    func outcome(_ request: Request, state: String) async -> Response {
        switch await authenticator.authenticate(
            method: request.method.rawValue, path: request.uri.path, headers: request.headers, body: [],
            nowUTCMilliseconds: CentralIdentityService.milliseconds(Date()))
        {
        case .failure(let problem): return problem.response
        case .success(let kioskID):
            let service: CentralIdentityService
            switch await loader.service() {
            case .success(let loaded): service = loaded
            case .failure(let problem): return problem.response
            }
            switch await service.outcome(state: state, kioskID: kioskID, now: Date()) {
            case .success(let answer): return CentralResponses.json(answer)
            case .failure(let problem): return problem.response
            }
        }
    }

    func present(_ request: Request) async -> Response {
        let bytes: [UInt8]
        switch await reader.body(request) {
        case .success(let body): bytes = body
        case .failure(let problem): return problem.response
        }
        let response: PresentationResponse
        switch reader.decode(PresentationResponse.self, from: bytes) {
        case .success(let decoded): response = decoded
        case .failure(let problem): return problem.response
        }
        let service: CentralIdentityService
        switch await loader.service() {
        case .success(let loaded): service = loaded
        case .failure(let problem): return problem.response
        }
        switch await service.present(response, now: Date()) {
        case .success(let state): return CentralResponses.json(["status": "accepted", "state": state])
        case .failure(let problem): return problem.response
        }
    }
}
