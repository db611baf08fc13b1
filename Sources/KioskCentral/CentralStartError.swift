/// Why kiosk-central cannot start serving.
public enum CentralStartError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Plain HTTP was asked for on an address other than loopback: kiosks and staff would talk to it
    /// unencrypted over a network.
    case plainHTTPOffLoopback(host: String)
    /// The TLS certificate or key file cannot be used (which file, why).
    case tls(file: String, reason: String)

    /// A sentence naming the problem and the fix.
    public var description: String {
        switch self {
        case .plainHTTPOffLoopback(let host):
            "plain HTTP is served on loopback only, not on \(host): give --tls-certificate and --tls-key, or listen on 127.0.0.1"
        case .tls(let file, let reason): "TLS file \(file) cannot be used: \(reason)"
        }
    }
}
