public import Foundation

/// How a kiosk signs a request to central's identity, document and mobile-ID endpoints: four headers
/// (`Kiosk-ID`, `Kiosk-Timestamp` in UTC milliseconds, a fresh random `Kiosk-Nonce`, and
/// `Kiosk-Signature`), the signature being the kiosk's Ed25519 signature over `signedBytes`. Central
/// refuses an unknown kiosk, a bad signature, a timestamp more than `maximumSkewSeconds` from its clock
/// and a nonce it has already seen, so a captured request cannot be replayed.
public enum SignedRequest {
    /// The header naming the kiosk.
    public static let kioskHeader = "Kiosk-ID"
    /// The header with the signing instant, UTC milliseconds since 1970.
    public static let timestampHeader = "Kiosk-Timestamp"
    /// The header with the request's single-use random nonce (base64, 16 bytes or more).
    public static let nonceHeader = "Kiosk-Nonce"
    /// The header with the signature (base64): `WireCoding.signatureHeader`.
    public static let signatureHeader = WireCoding.signatureHeader
    /// Largest accepted difference between the timestamp and central's clock, seconds.
    public static let maximumSkewSeconds: Int64 = 300

    /// The bytes the signature covers: method, path (without query), kiosk id, timestamp and nonce, each
    /// followed by a newline, then the raw body. Binding method and path stops a signature made for one
    /// endpoint from being used on another.
    public static func signedBytes(method: String, path: String, kioskID: String, timestamp: Int64, nonce: String, body: [UInt8]) -> [UInt8] {
        Array("\(method.uppercased())\n\(path)\n\(kioskID)\n\(timestamp)\n\(nonce)\n".utf8) + body
    }

    /// A fresh random nonce: 18 random bytes in base64.
    public static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<18).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
    }

    /// The four headers for a request signed by `key` at `now`.
    public static func headers(method: String, path: String, kioskID: String, key: KioskSigningKey, body: [UInt8], now: Date = Date())
        -> [(name: String, value: String)]
    {
        let timestamp = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        let nonce = makeNonce()
        let signature = key.signature(for: signedBytes(method: method, path: path, kioskID: kioskID, timestamp: timestamp, nonce: nonce, body: body))
        return [(kioskHeader, kioskID), (timestampHeader, String(timestamp)), (nonceHeader, nonce), (signatureHeader, signature)]
    }
}
