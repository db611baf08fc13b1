public import Foundation

/// The one-time request a kiosk shows as a QR code, modelled on the OpenID for Verifiable Presentations
/// cross-device flow (`response_mode=direct_post`): the wallet scans it, signs a presentation bound to
/// `nonce` and posts it with `state` to `responseURI`. Simplification: the parameters travel by value in
/// the QR URI (no signed request object behind `request_uri`); `requestURI` names where central serves
/// this same JSON for wallets that fetch it.
public struct PresentationRequest: Sendable, Hashable, Codable {
    /// The verifier's id (`client_id`); the presentation's audience must equal it.
    public var clientID: String
    /// Where this request object can be fetched (`request_uri`).
    public var requestURI: String
    /// Where the wallet posts the presentation (`response_uri`).
    public var responseURI: String
    /// A fresh random value (`nonce`, 32 bytes base64url) the holder must sign; usable once.
    public var nonce: String
    /// The id of this request (`state`), echoed with the presentation.
    public var state: String
    /// Created at, seconds since 1970 (`iat`).
    public var issuedAt: Int
    /// Refused at or after, seconds since 1970 (`exp`).
    public var expiresAt: Int

    private enum CodingKeys: String, CodingKey {
        case clientID = "client_id", requestURI = "request_uri", responseURI = "response_uri", nonce, state
        case issuedAt = "iat", expiresAt = "exp"
    }

    /// A request with all parts given (tests and decoding).
    public init(clientID: String, requestURI: String, responseURI: String, nonce: String, state: String,
                issuedAt: Int, expiresAt: Int) {
        self.clientID = clientID
        self.requestURI = requestURI
        self.responseURI = responseURI
        self.nonce = nonce
        self.state = state
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }

    /// A new request of verifier `clientID` served under `baseURI` (e.g. `https://central.example/v1/mobile-id`):
    /// random nonce and state, valid from `now` for `validFor` seconds.
    public static func make(clientID: String, baseURI: String, now: Date, validFor: TimeInterval = 180) -> PresentationRequest {
        var generator = SystemRandomNumberGenerator()
        let nonce = Base64URL.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let state = Base64URL.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let base = baseURI.hasSuffix("/") ? String(baseURI.dropLast()) : baseURI
        return PresentationRequest(
            clientID: clientID, requestURI: "\(base)/requests/\(state)", responseURI: "\(base)/responses",
            nonce: nonce, state: state, issuedAt: Int(now.timeIntervalSince1970),
            expiresAt: Int(now.addingTimeInterval(validFor).timeIntervalSince1970))
    }

    /// The text of the QR code: `openid4vp://?client_id=…&request_uri=…&response_uri=…&nonce=…&state=…&iat=…&exp=…`.
    public var qrURI: String {
        var components = URLComponents()
        components.scheme = "openid4vp"
        components.host = ""
        components.queryItems = [
            URLQueryItem(name: "client_id", value: clientID), URLQueryItem(name: "request_uri", value: requestURI),
            URLQueryItem(name: "response_uri", value: responseURI), URLQueryItem(name: "response_mode", value: "direct_post"),
            URLQueryItem(name: "nonce", value: nonce), URLQueryItem(name: "state", value: state),
            URLQueryItem(name: "iat", value: String(issuedAt)), URLQueryItem(name: "exp", value: String(expiresAt)),
        ]
        return components.string ?? ""
    }

    /// Reads a request from its QR URI or from its JSON form.
    /// - Throws: `PresentationRequestError` naming the missing or malformed parameter.
    public init(parsing text: String) throws(PresentationRequestError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") {
            do {
                self = try JSONDecoder().decode(PresentationRequest.self, from: Data(trimmed.utf8))
            } catch {
                throw PresentationRequestError(reason: "not a presentation request object: \(error)")
            }
            return
        }
        guard trimmed.hasPrefix("openid4vp:"), let components = URLComponents(string: trimmed) else {
            throw PresentationRequestError(reason: "expected an openid4vp:// URI or a JSON request object")
        }
        func value(_ name: String) throws(PresentationRequestError) -> String {
            guard let value = components.queryItems?.first(where: { $0.name == name })?.value, !value.isEmpty else {
                throw PresentationRequestError(reason: "the URI has no \(name) parameter")
            }
            return value
        }
        func number(_ name: String) throws(PresentationRequestError) -> Int {
            guard let number = Int(try value(name)) else { throw PresentationRequestError(reason: "\(name) is not an integer") }
            return number
        }
        self.init(
            clientID: try value("client_id"), requestURI: try value("request_uri"), responseURI: try value("response_uri"),
            nonce: try value("nonce"), state: try value("state"), issuedAt: try number("iat"), expiresAt: try number("exp"))
    }
}

/// A presentation request that could not be read; `reason` names the problem.
public struct PresentationRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let reason: String
    /// The reason.
    public var description: String { reason }
}
