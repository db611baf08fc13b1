import Foundation

extension LedgerEntry {
    /// This entry's canonical bytes (the ones `entryHash` covers); `init(canonicalBytes:)` reads them back.
    public var canonicalBytes: [UInt8] {
        Self.canonicalBytes(record: record, sequence: sequence, entryID: entryID, previousHash: previousHash)
    }

    /// Reads an entry back from its canonical bytes (layout `KLE1`, see `canonicalBytes(record:…)`). The
    /// entry hash is the SHA-256 of `bytes`, so stored bytes are their own integrity check: whoever
    /// compares the hash with the chain detects any change.
    /// - Throws: `LedgerCanonicalError` naming the field that is missing or malformed.
    public init(canonicalBytes bytes: some Collection<UInt8>) throws(LedgerCanonicalError) {
        let buffer = Array(bytes)
        var reader = CanonicalReader(bytes: buffer)
        guard buffer.count >= 4, buffer[0] == 0x4B, buffer[1] == 0x4C, buffer[2] == 0x45, buffer[3] == 0x31 else {
            throw .unknownLayout
        }
        reader.offset = 4
        let sequence = try reader.int("sequence")
        let entryID = try reader.uuid("entry id")
        let previousHash = try reader.hash("previous hash")
        let kind = LedgerEntryKind(rawValue: try reader.string("kind"))
        let kioskID = try reader.string("kiosk id")
        let sessionID = try reader.present("session id") ? try reader.uuid("session id") : nil
        let issuanceID = try reader.present("issuance id") ? try reader.uuid("issuance id") : nil
        let documentCode = try reader.present("document code") ? try reader.string("document code") : nil
        let copies = try reader.present("copies") ? Int(try reader.int("copies")) : nil
        let quote = try reader.present("quote") ? LedgerJSON(storedText: try reader.string("quote")) : nil
        let amount = try reader.present("amount") ? Money(won: Int(try reader.int("amount"))) : nil
        let method = try reader.present("payment method") ? PaymentMethod(rawValue: try reader.string("payment method")) : nil
        let reference = try reader.present("payment reference") ? try reader.string("payment reference") : nil
        let job = try reader.present("printer job id") ? Int(try reader.int("printer job id")) : nil
        var number: IssuanceNumber?
        if try reader.present("issuance number") {
            let digits = try reader.string("issuance number")
            do { number = try IssuanceNumber(parsing: digits) } catch {
                throw .invalid(field: "issuance number", reason: error.description)
            }
        }
        let pdf = try reader.present("PDF SHA-256") ? try reader.hash("PDF SHA-256") : nil
        var resident: ResidentReference?
        if try reader.present("resident reference") {
            guard let value = ResidentReference(hex: try reader.string("resident reference")) else {
                throw .invalid(field: "resident reference", reason: "is not a keyed reference")
            }
            resident = value
        }
        let detail = try reader.present("detail") ? try reader.string("detail") : nil
        let utc = try reader.int("UTC milliseconds")
        let uptime = try reader.int("uptime nanoseconds")
        guard reader.offset == buffer.count else { throw .trailingBytes(buffer.count - reader.offset) }
        let record = LedgerRecord(
            kind: kind, kioskID: kioskID, instant: LedgerInstant(utcMilliseconds: utc, uptimeNanoseconds: uptime),
            sessionID: sessionID, issuanceID: issuanceID, documentCode: documentCode, copies: copies, quote: quote,
            amount: amount, paymentMethod: method, paymentReference: reference, printerJobID: job, issuanceNumber: number,
            pdfSHA256: pdf, residentReference: resident, detail: detail)
        self.init(stored: record, sequence: sequence, entryID: entryID, previousHash: previousHash, entryHash: SHA256Hash.of(buffer))
    }
}

/// Reads the fields of a canonical entry in order.
private struct CanonicalReader {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func take(_ count: Int, _ field: String) throws(LedgerCanonicalError) -> ArraySlice<UInt8> {
        guard count >= 0, bytes.count - offset >= count else { throw .truncated(field: field) }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func int(_ field: String) throws(LedgerCanonicalError) -> Int64 {
        var value: UInt64 = 0
        for byte in try take(8, field) { value = value << 8 | UInt64(byte) }
        return Int64(bitPattern: value)
    }

    mutating func string(_ field: String) throws(LedgerCanonicalError) -> String {
        var count: UInt32 = 0
        for byte in try take(4, field) { count = count << 8 | UInt32(byte) }
        let utf8 = try take(Int(count), field)
        guard let text = String(validating: utf8, as: UTF8.self) else { throw .invalid(field: field, reason: "is not UTF-8") }
        return text
    }

    mutating func uuid(_ field: String) throws(LedgerCanonicalError) -> UUID {
        let b = Array(try take(16, field))
        return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
    }

    mutating func hash(_ field: String) throws(LedgerCanonicalError) -> SHA256Hash {
        guard let hash = SHA256Hash(bytes: Array(try take(32, field))) else { throw .truncated(field: field) }
        return hash
    }

    /// Reads an optional's presence byte: whether the value follows.
    mutating func present(_ field: String) throws(LedgerCanonicalError) -> Bool {
        switch try take(1, field).first {
        case 0: return false
        case 1: return true
        default: throw .invalid(field: field, reason: "has a presence byte other than 0 or 1")
        }
    }
}
