import Foundation
import HTTPTypes
import KioskConfig
import Hummingbird
import KioskCore
import NIOCore

/// The session API under `/api/v1` (described in docs/openapi/kioskd-ui.yaml): JSON in and out,
/// every input validated with a 4xx naming the problem, loopback clients only.
enum SessionAPI {
    /// The body of every error answer.
    struct Problem: Codable {
        var error: String
    }

    struct ChooseBody: Decodable {
        struct Choice: Decodable {
            var code: String
            var copies: Int?
            var options: [String: String]?
            var key: String?
        }
        var documents: [Choice]
    }

    struct PayBody: Decodable {
        var method: String
    }

    struct ReprintBody: Decodable {
        var issuanceID: String
        var decision: String
    }

    struct ResidentNumberBody: Decodable {
        var rrn: String
    }

    struct OfferedDocument: Codable {
        var code: String
        var nameKo: String
        var nameEn: String
        var category: String
        var fee: Int
        var identityRequired: Bool
        var identityAvailable: Bool
        var keyRequired: Bool
        var keyHint: String?
        var options: [DocumentOption]
    }

    /// What a resident types to find a document issued without identity, by category.
    static func keyHint(_ type: DocumentType) -> String? {
        guard type.identity == .none else { return nil }
        switch type.category {
        case "registry": return "부동산 고유번호 14자리 / 14-digit real-estate number"
        default: return "필지번호(PNU) 19자리, 예: 1111010100100120003 / 19-digit parcel number (PNU)"
        }
    }

    /// A catalog document taken out of the menu for now, with the reason.
    struct UnavailableDocument: Codable {
        var code: String
        var nameKo: String
        var nameEn: String
        var reason: String
    }

    struct Offer: Codable {
        var acceptingSessions: Bool
        var reason: String?
        var documents: [OfferedDocument]
        var unavailable: [UnavailableDocument]
    }

    /// Adds the routes to `router`.
    static func register(on router: Router<KioskRequestContext>, kiosk: Kiosk, runner: SessionRunner) {
        let api = router.group("/api/v1")  // loopback peer, Host and Origin: LocalOriginOnly on the whole router

        api.get("/documents") { _, _ -> Response in
            let configuration = await kiosk.configuration
            let catalog = configuration.catalog.applying(configuration.catalogOverrides)
            let now = Date()
            let availability = await kiosk.availability
            let reason = await kiosk.reasonNotAccepting(statuses: await kiosk.devices.statuses(), now: now)
            let identityAvailable = await runner.identityAvailable
            var documents: [OfferedDocument] = []
            var unavailable: [UnavailableDocument] = []
            let offeredNow = catalog.documents.filter { availability.isOffered($0, at: now) }
            let backendReasons = await runner.backendUnavailableReasons(offeredNow.map(\.code))
            for type in offeredNow {
                if let why = backendReasons[type.code] {
                    unavailable.append(UnavailableDocument(code: type.code, nameKo: type.nameKo, nameEn: type.nameEn, reason: why))
                    continue
                }
                documents.append(OfferedDocument(
                    code: type.code, nameKo: type.nameKo, nameEn: type.nameEn, category: type.category, fee: type.kioskFee.won,
                    identityRequired: type.identity == .fingerprint, identityAvailable: type.identity == .fingerprint && identityAvailable,
                    keyRequired: type.identity == .none, keyHint: keyHint(type), options: type.options))
            }
            return json(Offer(acceptingSessions: reason == nil, reason: reason, documents: documents, unavailable: unavailable))
        }

        api.post("/sessions") { _, _ -> Response in
            do {
                return json(try await runner.start(), status: .created)
            } catch {
                return problem(error)
            }
        }

        api.get("/sessions/{id}") { _, context -> Response in
            let id: UUID
            do { id = try sessionID(context) } catch { return problem(error) }
            guard let view = await runner.view(id) else { return problem(SessionRunner.Refusal(status: 404, message: "no session \(id)")) }
            return json(view)
        }

        api.post("/sessions/{id}/documents") { request, context -> Response in
            do {
                let id = try sessionID(context)
                let body = try await decode(ChooseBody.self, request, context)
                let configuration = await kiosk.configuration
                let catalog = configuration.catalog.applying(configuration.catalogOverrides)
                let availability = await kiosk.availability
                var requests: [IssuanceRequest] = []
                var options: [UUID: [String: String]] = [:]
                var keys: [UUID: String] = [:]
                guard !body.documents.isEmpty else { throw SessionRunner.Refusal(status: 400, message: "documents: choose at least one document") }
                guard body.documents.count <= 5 else { throw SessionRunner.Refusal(status: 400, message: "documents: at most 5 documents per session") }
                for (index, choice) in body.documents.enumerated() {
                    let at = "documents[\(index)]"
                    guard let type = catalog[choice.code] else {
                        throw SessionRunner.Refusal(status: 400, message: "\(at).code: unknown document \"\(choice.code)\"")
                    }
                    guard availability.isOffered(type, at: Date()) else {
                        throw SessionRunner.Refusal(status: 409, message: "\(at).code: \(type.code) is not offered at this hour")
                    }
                    if let why = await runner.backendUnavailableReasons([type.code])[type.code] {
                        throw SessionRunner.Refusal(status: 503, message: "\(at).code: \(type.code) is unavailable: \(why)")
                    }
                    if type.identity == .fingerprint, await !runner.identityAvailable {
                        throw SessionRunner.Refusal(
                            status: 503,
                            message: "\(at).code: \(type.code) needs identity verification, and this kiosk has no identity back-end ([identity] backend)")
                    }
                    let key = choice.key?.trimmingCharacters(in: .whitespaces)
                    if type.identity == .none {
                        guard let key, !key.isEmpty else {
                            throw SessionRunner.Refusal(status: 400, message: "\(at).key: \(type.code) needs a lookup key (\(keyHint(type) ?? "a number"))")
                        }
                        guard key.count <= 64, key.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else {
                            throw SessionRunner.Refusal(status: 400, message: "\(at).key: only digits and hyphens, at most 64 characters")
                        }
                    } else if key != nil {
                        throw SessionRunner.Refusal(status: 400, message: "\(at).key: \(type.code) is issued to the verified resident and takes no key")
                    }
                    let copies = choice.copies ?? 1
                    guard (1...10).contains(copies) else {
                        throw SessionRunner.Refusal(status: 400, message: "\(at).copies: must be 1 to 10, not \(copies)")
                    }
                    var chosen: [String: String] = [:]
                    for (key, value) in choice.options ?? [:] {
                        guard let option = type.option(key) else {
                            let known = type.options.map(\.key).joined(separator: ", ")
                            throw SessionRunner.Refusal(
                                status: 400, message: "\(at).options.\(key): \(type.code) has no such option (options: \(known.isEmpty ? "none" : known))")
                        }
                        guard option.choices.contains(where: { $0.value == value }) else {
                            let values = option.choices.map(\.value).joined(separator: ", ")
                            throw SessionRunner.Refusal(status: 400, message: "\(at).options.\(key): \"\(value)\" is not one of \(values)")
                        }
                        chosen[key] = value
                    }
                    for option in type.options where chosen[option.key] == nil {
                        // A required choice may come later (after identity): `confirm` refuses until it has.
                        if let value = option.defaultValue, !option.explicitChoiceRequired { chosen[option.key] = value }
                    }
                    let issuanceID = UUID()
                    options[issuanceID] = chosen
                    if let key, type.identity == .none { keys[issuanceID] = key.filter(\.isNumber) }
                    requests.append(IssuanceRequest(
                        issuanceID: issuanceID, documentCode: type.code, copies: copies, needsIdentity: type.identity == .fingerprint,
                        options: try LedgerJSON(encoding: chosen)))
                }
                return json(try await runner.choose(id, requests, options: options, keys: keys))
            } catch {
                return problem(error)
            }
        }

        api.post("/sessions/{id}/confirm") { _, context -> Response in
            do {
                let id = try sessionID(context)
                if let view = await runner.view(id) {
                    let configuration = await kiosk.configuration
                    let catalog = configuration.catalog.applying(configuration.catalogOverrides)
                    for (index, document) in view.documents.enumerated() {
                        for option in catalog[document.code]?.options ?? [] where document.options[option.key] == nil {
                            throw SessionRunner.Refusal(
                                status: 400, message: "documents[\(index)].options.\(option.key): a choice is required (\(option.nameEn))")
                        }
                    }
                }
                return json(try await runner.confirm(id))
            } catch {
                return problem(error)
            }
        }
        api.post("/sessions/{id}/back") { _, context -> Response in
            do { return json(try await runner.back(try sessionID(context))) } catch { return problem(error) }
        }
        api.post("/sessions/{id}/identity/rrn") { request, context -> Response in
            do {
                let id = try sessionID(context)
                let body = try await decode(ResidentNumberBody.self, request, context)
                return json(try await runner.enterResidentNumber(id, body.rrn))
            } catch {
                return problem(error)
            }
        }
        api.post("/sessions/{id}/identity/thumb") { _, context -> Response in
            do { return json(try await runner.startThumb(try sessionID(context)), status: .accepted) } catch { return problem(error) }
        }
        api.post("/sessions/{id}/identity/mobile-id") { _, context -> Response in
            do { return json(try await runner.startMobileID(try sessionID(context))) } catch { return problem(error) }
        }
        api.post("/sessions/{id}/reprint") { request, context -> Response in
            do {
                let id = try sessionID(context)
                let body = try await decode(ReprintBody.self, request, context)
                guard let issuanceID = UUID(uuidString: body.issuanceID) else {
                    throw SessionRunner.Refusal(status: 400, message: "issuanceID: \"\(body.issuanceID)\" is not a UUID")
                }
                guard ["reprint", "refund"].contains(body.decision) else {
                    throw SessionRunner.Refusal(status: 400, message: "decision: must be \"reprint\" or \"refund\", not \"\(body.decision)\"")
                }
                return json(try await runner.decideReprint(id, issuanceID: issuanceID, reprint: body.decision == "reprint"))
            } catch {
                return problem(error)
            }
        }
        api.post("/sessions/{id}/extend") { _, context -> Response in
            do { return json(try await runner.extend(try sessionID(context))) } catch { return problem(error) }
        }
        api.post("/sessions/{id}/cancel") { _, context -> Response in
            do { return json(try await runner.cancel(try sessionID(context))) } catch { return problem(error) }
        }
        api.post("/sessions/{id}/pay") { request, context -> Response in
            do {
                let id = try sessionID(context)
                let body = try await decode(PayBody.self, request, context)
                guard ["card", "cash", "exempt"].contains(body.method) else {
                    throw SessionRunner.Refusal(status: 400, message: "method: must be \"card\" or \"cash\", not \"\(body.method)\"")
                }
                return json(try await runner.pay(id, method: PaymentMethod(rawValue: body.method)), status: .accepted)
            } catch {
                return problem(error)
            }
        }
    }

    private static func sessionID(_ context: KioskRequestContext) throws(SessionRunner.Refusal) -> UUID {
        let text = context.parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text) else { throw SessionRunner.Refusal(status: 400, message: "session id: \"\(text)\" is not a UUID") }
        return id
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: KioskRequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.keyNotFound(key, _) {
            throw SessionRunner.Refusal(status: 400, message: "body: missing field \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context) {
            throw SessionRunner.Refusal(status: 400, message: "body: wrong type at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)")
        } catch {
            throw SessionRunner.Refusal(status: 400, message: "body: not valid JSON for this request")
        }
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let body = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func problem(_ error: any Error) -> Response {
        if let refusal = error as? SessionRunner.Refusal {
            return json(Problem(error: refusal.message), status: HTTPResponse.Status(code: refusal.status))
        }
        return json(Problem(error: "\(error)"), status: .internalServerError)
    }
}
