public import Foundation
import Crypto

/// A keyed reference to a resident, the only trace of a person the ledger may hold: HMAC-SHA256 of the
/// resident registration number under a per-kiosk secret, in hexadecimal. It lets one kiosk recognise the
/// same resident again (e.g. for a refund owed) but cannot be reversed or linked across kiosks without the
/// secret. Never store an RRN, a name or biometric data instead.
public struct ResidentReference: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 64 lowercase hexadecimal digits.
    public let hex: String

    /// The reference of the resident with registration number `residentNumberDigits` (13 digits, without
    /// the hyphen) under the kiosk's `secret`.
    public init(residentNumberDigits: String, secret: Data) {
        let key = SymmetricKey(data: secret)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(residentNumberDigits.utf8), using: key)
        self.hex = SHA256Hash(bytes: Array(mac))!.hex
    }

    /// A reference read back from storage; `nil` unless it is 64 hexadecimal digits.
    public init?(hex: String) {
        guard let hash = SHA256Hash(hex: hex) else { return nil }
        self.hex = hash.hex
    }

    /// The hexadecimal form.
    public var description: String { hex }

    /// Decodes the hexadecimal form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let reference = ResidentReference(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not 64 hex digits")
        }
        self = reference
    }

    /// Encodes the hexadecimal form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
