import Foundation
import NIOSSL

/// The certificate authorities a kiosk trusts for HTTPS to central: only those in its configured CA
/// file, never the system's store. Built once at start so a bad file is a start-up error, not a
/// failure at the first sync round.
public struct SyncTrust: Sendable {
    /// The CA file this trust was read from.
    public let caFile: String
    /// How many certificates the file holds.
    public let certificateCount: Int
    let tlsConfiguration: TLSConfiguration

    /// Reads the PEM certificates in `caFile`.
    /// - Throws: `SyncTrustError` naming the file when it is missing, unreadable, not PEM or holds a
    ///   certificate the TLS library refuses.
    public init(caFile: String) throws(SyncTrustError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: caFile, isDirectory: &isDirectory) else { throw .missing(path: caFile) }
        guard !isDirectory.boolValue else { throw .unreadable(path: caFile, reason: "it is a directory") }
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: caFile)))
        } catch {
            throw .unreadable(path: caFile, reason: String(describing: (error as NSError).localizedDescription))
        }
        guard String(decoding: bytes, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else { throw .notPEM(path: caFile) }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMBytes(bytes)
        } catch {
            throw .invalidCertificate(path: caFile, reason: String(describing: error))
        }
        guard !certificates.isEmpty else { throw .notPEM(path: caFile) }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates(certificates)
        configuration.certificateVerification = .fullVerification
        configuration.minimumTLSVersion = .tlsv12
        self.caFile = caFile
        self.certificateCount = certificates.count
        self.tlsConfiguration = configuration
    }
}

extension SyncTrust {
    /// The sentence for a TLS failure (certificate refused, handshake failed), or nil when `error` is
    /// not one: every client of central reports an untrusted central the same way.
    static func failureReason(_ error: any Error) -> String? {
        if let error = error as? NIOSSLError {
            let text = String(describing: error)
            if text.contains("CERTIFICATE_VERIFY_FAILED") {
                return "central's certificate is not issued by the CA in sync.ca_file (\(text))"
            }
            return text
        }
        if let error = error as? NIOSSLExtraError { return String(describing: error) }
        return nil
    }
}
