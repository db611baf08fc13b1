import Foundation

/// An opaque JSON document carried by a ledger entry (the quote). The text is fixed when the value is
/// made — keys sorted, no insignificant whitespace — and hashed exactly as stored, so the chain does not
/// depend on how a later reader would re-encode it.
public struct LedgerJSON: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The JSON text, exactly as stored and hashed.
    public let text: String

    /// Wraps JSON text read back from storage. It is not re-encoded.
    /// - Throws: `LedgerJSONError.notJSON` if `text` is not a JSON document.
    public init(text: String) throws(LedgerJSONError) {
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil else {
            throw .notJSON(text)
        }
        self.text = text
    }

    /// Wraps JSON text read back from a ledger entry whose hash covers it, without parsing it again
    /// (chain verification reads a million of these; the hash, not the parser, detects alteration).
    public init(storedText text: String) {
        self.text = text
    }

    /// Encodes `value` with sorted keys and no whitespace.
    /// - Throws: `LedgerJSONError.encodingFailed` if `value` cannot be encoded.
    public init(encoding value: some Encodable) throws(LedgerJSONError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            self.text = String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw .encodingFailed(String(describing: error))
        }
    }

    /// Decodes the document as `type`.
    /// - Throws: the `DecodingError` of `JSONDecoder`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// The JSON text.
    public var description: String { text }

    /// Decodes a JSON string holding the document text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try LedgerJSON(text: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the document text as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
