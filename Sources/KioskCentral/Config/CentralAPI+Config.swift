import Hummingbird

extension CentralAPI {
    /// `GET /v1/kiosks/{id}/config`: the kiosk's effective configuration document and its versions.
    func config(_ context: BasicRequestContext) async -> Response {
        let id = context.parameters.get("id") ?? ""
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
