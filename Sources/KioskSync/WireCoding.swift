public import Foundation

/// The JSON settings both sides use for the wire format.
public enum WireCoding {
    /// An encoder with sorted keys (stable output for tests and signatures over bodies).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A decoder.
    public static func decoder() -> JSONDecoder { JSONDecoder() }

    /// The header carrying a base64 Ed25519 signature over the raw body (heartbeats).
    public static let signatureHeader = "Kiosk-Signature"
}
