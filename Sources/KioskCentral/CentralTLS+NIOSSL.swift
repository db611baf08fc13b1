import Foundation
import NIOSSL

extension CentralTLS {
    /// The server TLS configuration from the PEM files (TLS 1.2 or newer).
    /// - Throws: `CentralStartError.tls` naming the file that is missing, unreadable or not PEM.
    func serverConfiguration() throws(CentralStartError) -> TLSConfiguration {
        for path in [certificatePath, privateKeyPath] {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw .tls(file: path, reason: FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "it does not exist")
            }
        }
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw .tls(file: certificatePath, reason: "not a PEM certificate file (\(error))")
        }
        guard !chain.isEmpty else { throw .tls(file: certificatePath, reason: "it holds no PEM certificate") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: privateKeyPath, format: .pem)
        } catch {
            throw .tls(file: privateKeyPath, reason: "not a PEM private key (\(error))")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }

}
