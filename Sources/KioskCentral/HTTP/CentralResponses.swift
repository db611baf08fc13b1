import Foundation
import HTTPTypes
import Hummingbird
import KioskSync
import NIOCore

/// Builds kiosk-central's HTTP answers: JSON bodies, problem bodies, CSV and HTML.
enum CentralResponses {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? WireCoding.encoder().encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func problem(_ status: Int, _ error: String, _ reason: String, expectedSequence: Int64? = nil) -> Response {
        json(CentralProblem(error: error, reason: reason, expectedSequence: expectedSequence), status: HTTPResponse.Status(code: status))
    }

    static func problem(_ status: Int, _ problem: CentralProblem) -> Response {
        json(problem, status: HTTPResponse.Status(code: status))
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
