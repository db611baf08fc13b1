import Crypto
import Foundation
public import KioskCore

/// A kiosk's Ed25519 private key. The key file holds the 32-byte private key in base64 on one line and
/// is created with mode 0600 by `kioskctl keys init`.
public struct KioskSigningKey: Sendable {
    // The raw 32 bytes: swift-crypto's key types are not Sendable, so the key is rebuilt for each use.
    private let raw: Data

    private var key: Curve25519.Signing.PrivateKey {
        // `raw` always holds a valid key: it comes from a generated key or passed the check in init.
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) ?? Curve25519.Signing.PrivateKey()
    }

    /// A new random key.
    public init() { raw = Curve25519.Signing.PrivateKey().rawRepresentation }

    /// The key in `path`.
    /// - Throws: `KioskKeyError` if the file cannot be read, is readable by others, or does not hold a key.
    public init(contentsOf path: String) throws(KioskKeyError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard info.st_mode & 0o077 == 0 else {
            throw .tooOpen(path: path, mode: String(info.st_mode & 0o777, radix: 8))
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
            (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) != nil
        else { throw .malformed(path: path) }
        self.raw = raw
    }

    /// Writes a new key to `path` with mode 0600 and returns it; never overwrites an existing file.
    /// - Throws: `KioskKeyError.exists` or `.unwritable`.
    public static func create(at path: String) throws(KioskKeyError) -> KioskSigningKey {
        let fresh = KioskSigningKey()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw .exists(path: path) }
            throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        fchmod(descriptor, 0o600)
        let text = Array((fresh.raw.base64EncodedString() + "\n").utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == text.count, fsync(descriptor) == 0 else {
            throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
        return fresh
    }

    /// The public half, to register with central.
    public var publicKey: KioskPublicKey { KioskPublicKey(key.publicKey) }

    /// A signature over `bytes`, base64.
    public func signature(for bytes: [UInt8]) -> String {
        // Curve25519 signing only fails on allocation failure in BoringSSL.
        (try? key.signature(for: bytes))?.base64EncodedString() ?? ""
    }

    /// A signed batch of `entries` following the entry whose hash is `previousHash`.
    public func signedBatch(kioskID: String, previousHash: SHA256Hash, entries: [LedgerEntry]) -> LedgerBatch {
        let signature = signature(
            for: LedgerBatch.signedBytes(kioskID: kioskID, previousHash: previousHash, entries: entries))
        return LedgerBatch(kioskID: kioskID, previousHash: previousHash, entries: entries, signature: signature)
    }
}
