import Hummingbird
import HTTPTypes

/// Refuses every request to the UI listener that does not come from the kiosk's own browser: the
/// peer must be a loopback address, the `Host` header must name a loopback host (so a web page
/// elsewhere cannot reach kioskd through DNS rebinding), and an `Origin` header, when the browser
/// sends one, must be a loopback `http` origin. Answers 403 `{"error": …}` naming the header.
struct LocalOriginOnly: RouterMiddleware {
    typealias Context = KioskRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let peer = context.remoteAddress?.ipAddress ?? ""
        guard Self.isLoopbackAddress(peer) else {
            return SessionAPI.json(SessionAPI.Problem(error: "the UI listener answers loopback clients only"), status: .forbidden)
        }
        let host = request.head.authority ?? ""  // HTTP/1 `Host` arrives as the authority
        guard Self.isLoopbackHost(host) else {
            return SessionAPI.json(SessionAPI.Problem(error: "Host \"\(host)\" is not a loopback host (127.0.0.1, ::1 or localhost)"), status: .forbidden)
        }
        if let origin = request.headers[.origin], !Self.isLoopbackOrigin(origin) {
            return SessionAPI.json(SessionAPI.Problem(error: "Origin \"\(origin)\" is not the kiosk's own page (http://127.0.0.1)"), status: .forbidden)
        }
        return try await next(request, context)
    }

    /// Whether `address` (an IP address as text) is on the loopback interface.
    static func isLoopbackAddress(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }

    /// Whether a `Host` value (`name[:port]`) names a loopback host.
    static func isLoopbackHost(_ host: String) -> Bool {
        var name = Substring(host)
        if name.hasPrefix("[") {
            guard let end = name.firstIndex(of: "]") else { return false }
            name = name[name.index(after: name.startIndex)..<end]
            return name == "::1"
        }
        if let colon = name.lastIndex(of: ":") {
            let port = name[name.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isNumber) else { return false }
            name = name[..<colon]
        }
        if name == "localhost" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { part in UInt8(part) != nil }
    }

    /// Whether an `Origin` value is a loopback `http` origin.
    static func isLoopbackOrigin(_ origin: String) -> Bool {
        guard origin.hasPrefix("http://") else { return false }
        return isLoopbackHost(String(origin.dropFirst("http://".count)))
    }
}
