/// A loopback `host:port` for the UI listener (`127.0.0.1:8080`, `[::1]:8080`).
public struct ListenAddress: Sendable, Equatable {
    /// Why an address was refused.
    public struct Problem: Error, Sendable, Equatable {
        /// What is wrong.
        public var message: String
    }

    /// The IP address text (without brackets).
    public var host: String
    /// The TCP port (0 picks a free one).
    public var port: Int

    /// Parses `host:port`; only loopback addresses are accepted (the UI must not be reachable from the network).
    public static func parse(_ text: String) -> Result<ListenAddress, Problem> {
        let host: Substring, portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                return .failure(Problem(message: "expected [ipv6]:port"))
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { return .failure(Problem(message: "expected host:port")) }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard let port = Int(portText), (0...65535).contains(port) else {
            return .failure(Problem(message: "port must be a number from 0 to 65535"))
        }
        if host == "::1" { return .success(ListenAddress(host: "::1", port: port)) }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard octets.count == 4, octets.allSatisfy({ $0 != nil && (0...255).contains($0!) }) else {
            return .failure(Problem(message: "host must be an IP address (127.0.0.1 or ::1)"))
        }
        guard octets[0] == 127 else {
            return .failure(Problem(message: "the UI listens on loopback only (127.0.0.0/8 or ::1)"))
        }
        return .success(ListenAddress(host: String(host), port: port))
    }
}
