import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// `GET /api/v1/voice?lang=ko|en&text=…&rate=80…450` → `audio/wav`: the touchscreen's spoken
/// phrases (the page plays them; volume is the page's). 400 names a bad parameter, 503 a missing
/// or failing synthesiser.
enum VoiceAPI {
    /// Adds the route to `router`.
    static func register(on router: Router<KioskRequestContext>, voice: VoiceSynthesizer) {
        router.get("/api/v1/voice") { request, _ -> Response in
            let query = request.uri.queryParameters
            let lang = query.get("lang") ?? "ko"
            let text = query.get("text") ?? ""
            let rateText = query.get("rate") ?? "175"
            guard let rate = Int(rateText) else {
                return SessionAPI.json(SessionAPI.Problem(error: "rate: \"\(rateText)\" is not a whole number"), status: .badRequest)
            }
            do throws(VoiceSynthesizer.Refusal) {
                let audio = try await voice.speak(lang: lang, text: text, rate: rate)
                return Response(
                    status: .ok, headers: [.contentType: "audio/wav", .cacheControl: "max-age=86400"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: audio)))
            } catch {
                return SessionAPI.json(SessionAPI.Problem(error: error.message), status: HTTPResponse.Status(code: error.status))
            }
        }
    }
}
