import Foundation
import KioskCore
import KioskSync

/// The columns central stores for one entry: the searchable fields plus the whole entry as JSON.
struct CentralEntryRow: Sendable {
    var sequence: Int64
    var kind: String
    var utcMilliseconds: Int64
    var documentCode: String?
    var copies: Int?
    var amount: Int?
    var issuanceID: String?
    var issuanceNumber: String?
    var entryHash: String
    var body: String

    /// The rows for `entries`. The bodies come from one JSON encoding of the whole array, cut at its
    /// top-level element boundaries: the same text as encoding each entry on its own (sorted keys, no
    /// whitespace), without the encoder's per-call setup for every entry.
    static func rows(_ entries: [LedgerEntry]) throws(CentralStorageError) -> [CentralEntryRow] {
        let bodies = try encodeBodies(entries)
        var out: [CentralEntryRow] = []
        out.reserveCapacity(entries.count)
        for (entry, body) in zip(entries, bodies) {
            let record = entry.record
            out.append(
                CentralEntryRow(
                    sequence: entry.sequence, kind: record.kind.rawValue, utcMilliseconds: record.instant.utcMilliseconds,
                    documentCode: record.documentCode, copies: record.copies, amount: record.amount?.won,
                    issuanceID: record.issuanceID?.uuidString.lowercased(), issuanceNumber: record.issuanceNumber?.digits,
                    entryHash: entry.entryHash.hex, body: body))
        }
        return out
    }

    /// Each entry's JSON text, in order.
    static func encodeBodies(_ entries: [LedgerEntry]) throws(CentralStorageError) -> [String] {
        let data: Data
        do { data = try WireCoding.encoder().encode(entries) } catch { throw .database("cannot encode entries: \(error)") }
        let bodies = data.withUnsafeBytes { splitTopLevelArray(UnsafeRawBufferPointer($0)) }
        guard let bodies, bodies.count == entries.count else {
            throw .database("encoding \(entries.count) entries gave \(bodies?.count ?? 0) JSON elements")
        }
        return bodies
    }

    /// The texts of the elements of the JSON array `json` (compact, as JSONEncoder writes it), or `nil`
    /// if it is not an array.
    static func splitTopLevelArray(_ json: UnsafeRawBufferPointer) -> [String]? {
        guard json.count >= 2, json.first == UInt8(ascii: "["), json.last == UInt8(ascii: "]") else { return nil }
        var out: [String] = []
        var depth = 0
        var inString = false
        var escaped = false
        var start = 1
        var index = 1
        let end = json.count - 1
        while index < end {
            let byte = json[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                case UInt8(ascii: ",") where depth == 0:
                    out.append(String(decoding: UnsafeRawBufferPointer(rebasing: json[start..<index]), as: UTF8.self))
                    start = index + 1
                default: break
                }
            }
            index += 1
        }
        guard !inString, depth == 0 else { return nil }
        if start < end {
            out.append(String(decoding: UnsafeRawBufferPointer(rebasing: json[start..<end]), as: UTF8.self))
        }
        return out
    }

    /// This row as one line of PostgreSQL `COPY … FROM STDIN` text format (tab-separated, `\N` for
    /// NULL, backslash, tab, newline and carriage return escaped), columns in `copyColumns` order.
    func appendCopyLine(kioskID: String, to out: inout [UInt8]) {
        Self.copyField(kioskID, &out)
        out.append(9)
        out.append(contentsOf: String(sequence).utf8)
        out.append(9)
        Self.copyField(kind, &out)
        out.append(9)
        out.append(contentsOf: String(utcMilliseconds).utf8)
        out.append(9)
        Self.copyField(documentCode, &out)
        out.append(9)
        Self.copyField(copies.map(String.init), &out)
        out.append(9)
        Self.copyField(amount.map(String.init), &out)
        out.append(9)
        Self.copyField(issuanceID, &out)
        out.append(9)
        Self.copyField(issuanceNumber, &out)
        out.append(9)
        Self.copyField(entryHash, &out)
        out.append(9)
        Self.copyField(body, &out)
        out.append(10)
    }

    /// The columns of `central_entry` in the order `appendCopyLine` writes them.
    static let copyColumns = [
        "kiosk_id", "sequence", "kind", "utc_ms", "document_code", "copies", "amount", "issuance_id", "issuance_number",
        "entry_hash", "body",
    ]

    private static func copyField(_ value: String?, _ out: inout [UInt8]) {
        guard let value else {
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 9: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 10: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 13: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            default: out.append(byte)
            }
        }
    }

    static func decode(_ bodies: [String]) throws(CentralStorageError) -> [LedgerEntry] {
        let decoder = WireCoding.decoder()
        var out: [LedgerEntry] = []
        for body in bodies {
            do { out.append(try decoder.decode(LedgerEntry.self, from: Data(body.utf8))) } catch {
                throw .corrupt("stored entry: \(error)")
            }
        }
        return out
    }
}
