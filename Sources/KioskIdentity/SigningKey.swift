import Crypto
import Foundation

/// An Ed25519 private key (an issuer's credential key or a wallet's holder key). The raw 32-byte seed
/// travels as base64url; the Crypto type stays inside this module.
public struct SigningKey: Sendable {
    /// The 32-byte seed (the Crypto key type is not Sendable, so it is rebuilt where needed).
    private let seed: [UInt8]

    private var key: Curve25519.Signing.PrivateKey {
        // The seed was validated when this value was made.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
    }

    /// A fresh random key.
    public init() { seed = Array(Curve25519.Signing.PrivateKey().rawRepresentation) }

    /// The key whose 32-byte seed is `base64url`.
    /// - Throws: `KeyFormatError` when it is not 32 bytes of base64url.
    public init(base64url: String) throws(KeyFormatError) {
        guard let bytes = Base64URL.decode(base64url.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32,
              (try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes)) != nil
        else { throw KeyFormatError(reason: "a private key is 32 bytes of base64url (43 characters)") }
        seed = bytes
    }

    /// The seed as base64url (keep it secret).
    public var base64url: String { Base64URL.encode(seed) }

    /// The public half.
    public var publicKey: PublicKey { PublicKey(key.publicKey) }

    /// The Ed25519 signature of `message`.
    func sign(_ message: [UInt8]) -> [UInt8] {
        // Signing with a valid key cannot fail; the Crypto API still declares `throws`.
        Array((try? key.signature(for: message)) ?? Data())
    }
}

/// An Ed25519 public key: an issuer's (trusted by the verifier) or a holder's (bound in the credential).
public struct PublicKey: Sendable, Hashable, CustomStringConvertible {
    private let raw: [UInt8]

    init(_ key: Curve25519.Signing.PublicKey) { raw = Array(key.rawRepresentation) }

    /// The key whose 32 raw bytes are `base64url` (the JWK `x` member).
    /// - Throws: `KeyFormatError` when it is not 32 bytes of base64url.
    public init(base64url: String) throws(KeyFormatError) {
        guard let bytes = Base64URL.decode(base64url.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32,
              (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)) != nil
        else { throw KeyFormatError(reason: "a public key is 32 bytes of base64url (43 characters)") }
        raw = bytes
    }

    /// The 32 raw bytes as base64url.
    public var base64url: String { Base64URL.encode(raw) }

    /// The base64url form.
    public var description: String { base64url }

    /// Whether `signature` is this key's Ed25519 signature of `message`.
    func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}

/// A key that could not be read; `reason` says what a key must look like.
public struct KeyFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let reason: String
    /// The reason.
    public var description: String { reason }
}
