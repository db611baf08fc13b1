import Foundation
public import KioskCore

/// The columns central stores for one entry (table `central_entry`): the searchable fields plus the
/// entry's canonical bytes (layout `KLE1`, the bytes its hash covers). The bytes are the entry: they
/// decode back to it, and their SHA-256 is its hash, so central keeps no second encoding (JSON) and no
/// separate hash column. Public for the ingest benchmark's raw baseline, which loads the same rows.
public struct CentralEntryRow: Sendable {
    /// The entry's sequence number on its kiosk.
    public var sequence: Int64
    /// The entry kind's raw value.
    public var kind: String
    /// When the entry was made, UTC milliseconds.
    public var utcMilliseconds: Int64
    /// The catalog code, if any.
    public var documentCode: String?
    /// The copies, if any.
    public var copies: Int?
    /// The amount in won, if any.
    public var amount: Int?
    /// The issuance id in lower-case text, if any.
    public var issuanceID: String?
    /// The 16-digit issuance number, if any.
    public var issuanceNumber: String?
    /// The canonical bytes.
    public var canonical: [UInt8]
    /// SHA-256 of `canonical`: the entry's hash.
    public var entryHash: SHA256Hash

    /// The row for `entry`.
    public init(_ entry: LedgerEntry) {
        self.init(entry, canonical: entry.canonicalBytes)
    }

    init(_ entry: LedgerEntry, canonical: [UInt8]) {
        let record = entry.record
        sequence = entry.sequence
        kind = record.kind.rawValue
        utcMilliseconds = record.instant.utcMilliseconds
        documentCode = record.documentCode
        copies = record.copies
        amount = record.amount?.won
        issuanceID = record.issuanceID.map(Self.lowercaseText)
        issuanceNumber = record.issuanceNumber?.digits
        self.canonical = canonical
        entryHash = SHA256Hash.of(canonical)
    }

    /// The entries stored as `blobs`, in order.
    static func decode(_ blobs: [[UInt8]]) throws(CentralStorageError) -> [LedgerEntry] {
        var out: [LedgerEntry] = []
        out.reserveCapacity(blobs.count)
        for blob in blobs {
            do { out.append(try LedgerEntry(canonicalBytes: blob)) } catch { throw .corrupt("stored entry: \(error)") }
        }
        return out
    }

    /// The entries of one issuance out of `entries` found by issuance number (sorted by kiosk, then
    /// sequence): those of the first entry's kiosk and issuance. Issuance numbers are unique, so there is
    /// only one unless two kiosks were wrongly given the same kiosk number; then the first kiosk's answers.
    static func oneIssuance(_ entries: [LedgerEntry]) -> [LedgerEntry] {
        guard let first = entries.first else { return [] }
        return entries.filter { $0.record.kioskID == first.record.kioskID && $0.record.issuanceID == first.record.issuanceID }
    }

    /// This row as one line of PostgreSQL `COPY … FROM STDIN` text format (tab-separated, `\N` for
    /// NULL, backslash, tab, newline and carriage return escaped; the bytes as `\\x` hex), columns in
    /// `copyColumns` order.
    public func appendCopyLine(kioskID: String, to out: inout [UInt8]) {
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
        out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\"), UInt8(ascii: "x")])
        for byte in canonical {
            out.append(Self.hexDigits[Int(byte >> 4)])
            out.append(Self.hexDigits[Int(byte & 0x0F)])
        }
        out.append(10)
    }

    /// The columns of `central_entry` in the order `appendCopyLine` writes them.
    public static let copyColumns = [
        "kiosk_id", "sequence", "kind", "utc_ms", "document_code", "copies", "amount", "issuance_id", "issuance_number", "canonical",
    ]

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `uuid.uuidString.lowercased()`, without formatting through printf and lower-casing a copy (this
    /// runs for nearly every ingested entry).
    static func lowercaseText(_ uuid: UUID) -> String {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var index = 0
                for (position, byte) in bytes.enumerated() {
                    if position == 4 || position == 6 || position == 8 || position == 10 {
                        out[index] = UInt8(ascii: "-")
                        index += 1
                    }
                    out[index] = hexDigits[Int(byte >> 4)]
                    out[index + 1] = hexDigits[Int(byte & 0x0F)]
                    index += 2
                }
                return index
            }
        }
    }

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
}
