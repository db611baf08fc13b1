/// The certificate and key kiosk-central serves HTTPS with (PEM files: the certificate file may hold
/// the chain, server certificate first).
public struct CentralTLS: Sendable, Hashable {
    /// The PEM certificate (chain) file.
    public var certificatePath: String
    /// The PEM private key file.
    public var privateKeyPath: String

    /// A TLS setting from two PEM files (read when the server starts).
    public init(certificatePath: String, privateKeyPath: String) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
    }
}
