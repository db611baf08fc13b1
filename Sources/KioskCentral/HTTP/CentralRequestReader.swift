import Foundation
import HTTPTypes
import Hummingbird
import KioskSync
import NIOCore

/// Reads a JSON request body with the checks every POST gets: content type, size limit, JSON syntax
/// and types, each refused with a problem naming what is wrong.
struct CentralRequestReader {
    var bodyLimit: Int

    /// The raw body bytes, or a refusal.
    func body(_ request: Request) async -> Result<[UInt8], ProblemResponse> {
        let contentType = request.headers[.contentType] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard mediaType == "application/json" else {
            return .failure(ProblemResponse(415, "unsupported-media-type", "the body must be application/json, got \"\(contentType)\""))
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > bodyLimit {
            return .failure(ProblemResponse(413, "body-too-large", "the body has \(length) bytes; at most \(bodyLimit)"))
        }
        do {
            let buffer = try await request.body.collect(upTo: bodyLimit)
            return .success(Array(buffer.readableBytesView))
        } catch {
            return .failure(ProblemResponse(413, "body-too-large", "the body exceeds \(bodyLimit) bytes"))
        }
    }

    /// `bytes` decoded as `T`, or a 400 naming the JSON problem.
    func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) -> Result<T, ProblemResponse> {
        do {
            return .success(try WireCoding.decoder().decode(T.self, from: Data(bytes)))
        } catch let error as DecodingError {
            return .failure(ProblemResponse(400, "bad-json", Self.describe(error)))
        } catch {
            return .failure(ProblemResponse(400, "bad-json", "the body is not valid JSON: \(error)"))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "the body" : String(keys.drop(while: { $0 == "." }))
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context)): expected \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "\(path(context)): expected \(type), found null"
        case .keyNotFound(let key, let context):
            return "\(path(context)): missing key \"\(key.stringValue)\""
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\($0))" } ?? ""
            return "\(path(context)): \(context.debugDescription)\(underlying)"
        @unknown default:
            return "the body does not match the expected JSON: \(error)"
        }
    }
}

/// A refusal: HTTP status and problem.
struct ProblemResponse: Error {
    var status: Int
    var problem: CentralProblem

    init(_ status: Int, _ error: String, _ reason: String) {
        self.status = status
        self.problem = CentralProblem(error: error, reason: reason)
    }

    var response: Response { CentralResponses.problem(status, problem) }
}
