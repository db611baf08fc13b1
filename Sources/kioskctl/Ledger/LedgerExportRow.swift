import Foundation

/// One ledger entry flattened for export (JSON Lines and CSV share the columns and their order).
struct LedgerExportRow: Encodable {
    var sequence: Int64
    var entryID: String
    var kioskID: String
    var sessionID: String?
    var issuanceID: String?
    var kind: String
    var documentCode: String?
    var copies: Int?
    var quote: String?
    var amount: Int?
    var paymentMethod: String?
    var paymentReference: String?
    var printerJobID: Int?
    var issuanceNumber: String?
    var pdfSHA256: String?
    var residentReference: String?
    var detail: String?
    var utc: String
    var utcMilliseconds: Int64
    var uptimeNanoseconds: Int64
    var previousHash: String
    var entryHash: String

    /// The CSV header line.
    static let csvHeader = """
        sequence,entryID,kioskID,sessionID,issuanceID,kind,documentCode,copies,quote,amount,paymentMethod,\
        paymentReference,printerJobID,issuanceNumber,pdfSHA256,residentReference,detail,utc,utcMilliseconds,\
        uptimeNanoseconds,previousHash,entryHash
        """

    /// One CSV line (RFC 4180 quoting where needed).
    var csvLine: String {
        let fields: [String?] = [
            String(sequence), entryID, kioskID, sessionID, issuanceID, kind, documentCode, copies.map(String.init), quote,
            amount.map(String.init), paymentMethod, paymentReference, printerJobID.map(String.init), issuanceNumber,
            pdfSHA256, residentReference, detail, utc, String(utcMilliseconds), String(uptimeNanoseconds), previousHash,
            entryHash,
        ]
        return fields.map { Self.csvField($0 ?? "") }.joined(separator: ",")
    }

    private static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
