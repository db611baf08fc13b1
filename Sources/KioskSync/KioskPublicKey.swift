import Crypto
public import Foundation

/// A kiosk's Ed25519 public key as central registers it: 32 bytes, written in base64.
public struct KioskPublicKey: Sendable, Hashable, CustomStringConvertible {
    // The raw 32 bytes (swift-crypto's key types are not Sendable); checked valid when made.
    private let raw: Data

    init(_ key: Curve25519.Signing.PublicKey) { raw = key.rawRepresentation }

    /// Parses the base64 form.
    /// - Throws: `KioskKeyError.malformedPublicKey` if it is not base64 of 32 bytes.
    public init(base64 text: String) throws(KioskKeyError) {
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), raw.count == 32,
            (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil
        else { throw .malformedPublicKey(text) }
        self.raw = raw
    }

    /// The base64 form.
    public var base64: String { raw.base64EncodedString() }

    /// The base64 form.
    public var description: String { base64 }

    /// Whether `signature` (base64) is a valid signature of `bytes` by this key.
    public func isValidSignature(_ signature: String, for bytes: some DataProtocol) -> Bool {
        guard let signatureBytes = Data(base64Encoded: signature), signatureBytes.count == 64,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else { return false }
        return key.isValidSignature(signatureBytes, for: bytes)
    }

    /// Whether `batch` carries a valid signature by this key.
    public func verifies(_ batch: LedgerBatch) -> Bool {
        isValidSignature(batch.signature, for: batch.signedBytes)
    }

    /// Equal when the raw keys are equal.
    public static func == (lhs: KioskPublicKey, rhs: KioskPublicKey) -> Bool { lhs.base64 == rhs.base64 }

    /// Hashes the raw key.
    public func hash(into hasher: inout Hasher) { hasher.combine(base64) }
}
