import Foundation
import GRDB
import KioskCore

/// How a `LedgerEntry` is stored in a `ledger_entry` row, and read back.
enum LedgerRow {
    /// The columns, in the order `arguments(of:)` binds and `entry(from:)` reads them.
    static let columns = """
        sequence, entry_id, kiosk_id, session_id, issuance_id, kind, document_code, copies, quote, amount, \
        payment_method, payment_reference, printer_job_id, issuance_number, pdf_sha256, resident_reference, \
        detail, utc_ms, uptime_ns, previous_hash, entry_hash
        """

    /// `INSERT` of one entry.
    static let insertSQL = "INSERT INTO ledger_entry (\(columns)) VALUES (\(Array(repeating: "?", count: 21).joined(separator: ", ")))"

    /// The statement arguments of `entry`. (An array of existentials: GRDB's initialiser for a sequence
    /// of concrete values maps through a key path, unspecialised across modules, and measured slower.)
    static func arguments(of entry: LedgerEntry) -> StatementArguments {
        let record = entry.record
        let values: [(any DatabaseValueConvertible)?] = [
            entry.sequence,
            entry.entryID.ledgerText,
            record.kioskID,
            record.sessionID?.ledgerText,
            record.issuanceID?.ledgerText,
            record.kind.rawValue,
            record.documentCode,
            record.copies,
            record.quote?.text,
            record.amount?.won,
            record.paymentMethod?.rawValue,
            record.paymentReference,
            record.printerJobID,
            record.issuanceNumber?.digits,
            record.pdfSHA256.map { Data($0.bytes) },
            record.residentReference?.hex,
            record.detail,
            record.instant.utcMilliseconds,
            record.instant.uptimeNanoseconds,
            Data(entry.previousHash.bytes),
            Data(entry.entryHash.bytes),
        ]
        return StatementArguments(values)
    }

    /// Why a row cannot be read back as an entry.
    struct Unreadable: Error {
        var sequence: Int64
        var reason: String
    }

    /// The entry stored in `row` (selected with `columns`).
    static func entry(from row: Row) throws(Unreadable) -> LedgerEntry {
        let sequence: Int64 = row[0]
        func fail(_ reason: String) -> Unreadable { Unreadable(sequence: sequence, reason: reason) }
        func uuid(_ index: Int, _ name: String) throws(Unreadable) -> UUID? {
            guard let text: String = row[index] else { return nil }
            guard let value = UUID(uuidString: text) else { throw fail("\(name) \"\(text)\" is not a UUID") }
            return value
        }
        func hash(_ index: Int, _ name: String) throws(Unreadable) -> SHA256Hash? {
            guard let data: Data = row[index] else { return nil }
            guard let value = SHA256Hash(bytes: Array(data)) else { throw fail("\(name) is not 32 bytes") }
            return value
        }
        guard let entryID = try uuid(1, "entry id") else { throw fail("entry id missing") }
        let quote = (row[8] as String?).map(LedgerJSON.init(storedText:))
        var number: IssuanceNumber?
        if let digits: String = row[13] {
            do { number = try IssuanceNumber(parsing: digits) } catch { throw fail(error.description) }
        }
        var residentReference: ResidentReference?
        if let hex: String = row[15] {
            guard let value = ResidentReference(hex: hex) else { throw fail("resident reference is not 64 hex digits") }
            residentReference = value
        }
        let copies: Int64? = row[7]
        let amount: Int64? = row[9]
        let jobID: Int64? = row[12]
        let record = LedgerRecord(
            kind: LedgerEntryKind(rawValue: row[5] ?? ""), kioskID: row[2] ?? "",
            instant: LedgerInstant(utcMilliseconds: row[17] ?? 0, uptimeNanoseconds: row[18] ?? 0),
            sessionID: try uuid(3, "session id"), issuanceID: try uuid(4, "issuance id"), documentCode: row[6],
            copies: copies.map { Int($0) }, quote: quote, amount: amount.map { Money(won: Int($0)) },
            paymentMethod: (row[10] as String?).map(PaymentMethod.init(rawValue:)), paymentReference: row[11],
            printerJobID: jobID.map { Int($0) }, issuanceNumber: number, pdfSHA256: try hash(14, "PDF hash"),
            residentReference: residentReference, detail: row[16])
        guard let previous = try hash(19, "previous hash") else { throw fail("previous hash missing") }
        guard let own = try hash(20, "entry hash") else { throw fail("entry hash missing") }
        return LedgerEntry(stored: record, sequence: sequence, entryID: entryID, previousHash: previous, entryHash: own)
    }

    /// Fetches the entries selected by `sql` (which must select `columns`).
    static func fetch(_ db: Database, sql: String, arguments: StatementArguments = [], path: String) throws -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            do throws(Unreadable) {
                entries.append(try entry(from: row))
            } catch {
                throw LedgerError.corrupt(path: path, reason: "entry \(error.sequence): \(error.reason)")
            }
        }
        return entries
    }
}
