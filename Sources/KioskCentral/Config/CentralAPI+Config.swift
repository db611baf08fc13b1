import Hummingbird

extension CentralAPI {
    /// `GET /v1/kiosks/{id}/config`: the kiosk's effective configuration document and its versions, for
    /// that kiosk only. The request must be signed by the kiosk itself (`SignedRequest`): another kiosk's
    /// signature answers 403, none 401, so nobody else reads a kiosk's hours, fees or windows, and a
    /// replayed fetch is refused.
    func config(_ request: Request, _ context: BasicRequestContext) async -> Response {
        let id = context.parameters.get("id") ?? ""
        let signer: String
        switch await authenticator.authenticate(
            method: request.method.rawValue, path: request.uri.path, headers: request.headers, body: [],
            nowUTCMilliseconds: Self.nowMilliseconds())
        {
        case .success(let kioskID): signer = kioskID
        case .failure(let problem): return problem.response
        }
        guard signer == id else {
            return CentralResponses.problem(403, "kiosk-mismatch", "kiosk \(signer) signed a request for kiosk \(id)'s configuration")
        }
        do throws(CentralStorageError) {
            guard let answer = try await ConfigDistribution(storage: storage).effective(kioskID: id) else {
                return CentralResponses.problem(404, "unknown-kiosk", "no kiosk \(id) is registered")
            }
            return CentralResponses.json(answer)
        } catch {
            return failure(error)
        }
    }
}
