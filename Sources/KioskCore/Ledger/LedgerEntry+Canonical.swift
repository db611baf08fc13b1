public import Foundation

extension LedgerEntry {
    /// The canonical byte encoding that `entryHash` covers, version 1. Fixed forever for entries written
    /// with it; a new layout needs a new magic.
    ///
    /// - magic `KLE1` (4 bytes)
    /// - sequence: Int64 big-endian; entry id: 16 UUID bytes; previous hash: 32 bytes
    /// - then, in this order: kind (string), kiosk id (string), session id (opt UUID), issuance id
    ///   (opt UUID), document code (opt string), copies (opt int), quote (opt string: the JSON text),
    ///   amount in won (opt int), payment method (opt string), payment reference (opt string),
    ///   printer job id (opt int), issuance number (opt string: 16 digits), PDF SHA-256 (opt 32 bytes),
    ///   resident reference (opt string: hex), detail (opt string), UTC milliseconds (int),
    ///   uptime nanoseconds (int)
    ///
    /// A string is a UInt32 big-endian byte count then its UTF-8 bytes; an int is Int64 big-endian; an
    /// optional is one byte 0 (absent) or 1 (present) followed by the value.
    public static func canonicalBytes(
        record: LedgerRecord, sequence: Int64, entryID: UUID, previousHash: SHA256Hash
    ) -> [UInt8] {
        var out: [UInt8] = Array("KLE1".utf8)
        out.reserveCapacity(256)
        func int(_ value: Int64) {
            withUnsafeBytes(of: value.bigEndian) { out.append(contentsOf: $0) }
        }
        func string(_ value: String) {
            let utf8 = value.utf8
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: utf8.count).bigEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: utf8)
        }
        func uuid(_ value: UUID) {
            withUnsafeBytes(of: value.uuid) { out.append(contentsOf: $0) }
        }
        func optional<T>(_ value: T?, _ write: (T) -> Void) {
            if let value {
                out.append(1)
                write(value)
            } else {
                out.append(0)
            }
        }
        int(sequence)
        uuid(entryID)
        out.append(contentsOf: previousHash.bytes)
        string(record.kind.rawValue)
        string(record.kioskID)
        optional(record.sessionID, uuid)
        optional(record.issuanceID, uuid)
        optional(record.documentCode, string)
        optional(record.copies) { int(Int64($0)) }
        optional(record.quote) { string($0.text) }
        optional(record.amount) { int(Int64($0.won)) }
        optional(record.paymentMethod) { string($0.rawValue) }
        optional(record.paymentReference, string)
        optional(record.printerJobID) { int(Int64($0)) }
        optional(record.issuanceNumber) { string($0.digits) }
        optional(record.pdfSHA256) { out.append(contentsOf: $0.bytes) }
        optional(record.residentReference) { string($0.hex) }
        optional(record.detail, string)
        int(record.instant.utcMilliseconds)
        int(record.instant.uptimeNanoseconds)
        return out
    }
}
