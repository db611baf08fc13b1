import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// `POST /api/v1/sessions/{id}/feedback {"rating": 1–5}`: the resident's one-tap satisfaction after
/// the session ended, written to the ledger as a `feedback` entry (synced to central like any entry).
enum FeedbackAPI {
    struct Body: Decodable {
        var rating: Int
    }

    /// Adds the route to `router`.
    static func register(on router: Router<KioskRequestContext>, runner: SessionRunner) {
        router.post("/api/v1/sessions/{id}/feedback") { request, context -> Response in
            let text = context.parameters.get("id") ?? ""
            guard let id = UUID(uuidString: text) else {
                return SessionAPI.json(SessionAPI.Problem(error: "session id: \"\(text)\" is not a UUID"), status: .badRequest)
            }
            let buffer = try await request.body.collect(upTo: 4096)
            let body: Body
            do {
                body = try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
            } catch {
                return SessionAPI.json(SessionAPI.Problem(error: "body: must be {\"rating\": 1 to 5}"), status: .badRequest)
            }
            guard (1...5).contains(body.rating) else {
                return SessionAPI.json(SessionAPI.Problem(error: "rating: must be 1 to 5, not \(body.rating)"), status: .badRequest)
            }
            do {
                return SessionAPI.json(try await runner.feedback(id, rating: body.rating))
            } catch {
                return SessionAPI.problem(error)
            }
        }
    }
}
