import Foundation
import KioskCore

extension LedgerEntry {
    /// One human-readable line: sequence, UTC time, kind, document, money, number, job, ids.
    var displayLine: String {
        var parts = ["#\(sequence)", Self.utcText(record.instant.utcMilliseconds), record.kind.rawValue]
        if let code = record.documentCode { parts.append(code) }
        if let copies = record.copies { parts.append("×\(copies)") }
        if let amount = record.amount { parts.append(amount.description) }
        if let method = record.paymentMethod { parts.append(method.rawValue) }
        if let number = record.issuanceNumber { parts.append("no=\(number.formatted)") }
        if let job = record.printerJobID { parts.append("job=\(job)") }
        if let issuance = record.issuanceID { parts.append("issuance=\(issuance.uuidString.lowercased())") }
        if let detail = record.detail { parts.append("(\(detail))") }
        return parts.joined(separator: " ")
    }

    /// `2026-11-22T05:00:00.123Z`.
    static func utcText(_ milliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    /// The flat export form (every field; hashes and ids as text).
    var exportRow: LedgerExportRow {
        LedgerExportRow(
            sequence: sequence, entryID: entryID.uuidString.lowercased(), kioskID: record.kioskID,
            sessionID: record.sessionID?.uuidString.lowercased(), issuanceID: record.issuanceID?.uuidString.lowercased(),
            kind: record.kind.rawValue, documentCode: record.documentCode, copies: record.copies, quote: record.quote?.text,
            amount: record.amount?.won, paymentMethod: record.paymentMethod?.rawValue,
            paymentReference: record.paymentReference, printerJobID: record.printerJobID,
            issuanceNumber: record.issuanceNumber?.formatted, pdfSHA256: record.pdfSHA256?.hex,
            residentReference: record.residentReference?.hex, detail: record.detail,
            utc: Self.utcText(record.instant.utcMilliseconds), utcMilliseconds: record.instant.utcMilliseconds,
            uptimeNanoseconds: record.instant.uptimeNanoseconds, previousHash: previousHash.hex, entryHash: entryHash.hex)
    }
}
