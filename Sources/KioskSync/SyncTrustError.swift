/// Why the CA file a kiosk was told to trust cannot be used.
public enum SyncTrustError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No file at that path.
    case missing(path: String)
    /// The file exists but cannot be read (the system's reason).
    case unreadable(path: String, reason: String)
    /// The file holds no PEM certificate (`-----BEGIN CERTIFICATE-----`).
    case notPEM(path: String)
    /// A PEM block in the file is not a certificate TLS can use (the TLS library's reason).
    case invalidCertificate(path: String, reason: String)

    /// A sentence naming the file and the problem.
    public var description: String {
        switch self {
        case .missing(let path): "sync.ca_file \(path) does not exist"
        case .unreadable(let path, let reason): "sync.ca_file \(path) cannot be read: \(reason)"
        case .notPEM(let path): "sync.ca_file \(path) is not a PEM certificate file (no -----BEGIN CERTIFICATE----- block)"
        case .invalidCertificate(let path, let reason): "sync.ca_file \(path) holds a certificate that cannot be used: \(reason)"
        }
    }
}
