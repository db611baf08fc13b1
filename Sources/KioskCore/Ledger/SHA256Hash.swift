public import Foundation
import Crypto

/// A SHA-256 value (32 bytes): entry hashes, previous hashes, the hash of a printed PDF.
public struct SHA256Hash: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 32 bytes.
    public let bytes: [UInt8]

    /// The hash of an empty chain: 32 zero bytes, the `previousHash` of entry 1.
    public static let zero = SHA256Hash(uncheckedBytes: [UInt8](repeating: 0, count: 32))

    private init(uncheckedBytes: [UInt8]) { self.bytes = uncheckedBytes }

    /// A hash from exactly 32 bytes; `nil` for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    /// A hash from 64 hexadecimal digits (either case); `nil` otherwise.
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.nibble(utf8[index]), let low = Self.nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.bytes = bytes
    }

    /// The SHA-256 of `data`.
    public static func of(_ data: some DataProtocol) -> SHA256Hash {
        SHA256Hash(uncheckedBytes: Array(SHA256.hash(data: data)))
    }

    /// 64 lowercase hexadecimal digits.
    public var hex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The hexadecimal form.
    public var description: String { hex }

    /// Decodes the hexadecimal form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let hash = SHA256Hash(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not 64 hex digits: \(text)")
        }
        self = hash
    }

    /// Encodes the hexadecimal form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    private static func nibble(_ ascii: UInt8) -> UInt8? {
        switch ascii {
        case 48...57: ascii - 48
        case 97...102: ascii - 87
        case 65...70: ascii - 55
        default: nil
        }
    }
}
