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

    static func rows(_ entries: [LedgerEntry]) throws(CentralStorageError) -> [CentralEntryRow] {
        let encoder = WireCoding.encoder()
        var out: [CentralEntryRow] = []
        out.reserveCapacity(entries.count)
        for entry in entries {
            let body: Data
            do { body = try encoder.encode(entry) } catch { throw .database("cannot encode entry \(entry.sequence): \(error)") }
            let record = entry.record
            out.append(
                CentralEntryRow(
                    sequence: entry.sequence, kind: record.kind.rawValue, utcMilliseconds: record.instant.utcMilliseconds,
                    documentCode: record.documentCode, copies: record.copies, amount: record.amount?.won,
                    issuanceID: record.issuanceID?.uuidString.lowercased(), issuanceNumber: record.issuanceNumber?.digits,
                    entryHash: entry.entryHash.hex, body: String(decoding: body, as: UTF8.self)))
        }
        return out
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
