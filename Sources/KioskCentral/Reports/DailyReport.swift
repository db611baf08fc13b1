/// `GET /v1/reports/daily?date=`: per kiosk and per document, what happened on one local day.
public struct DailyReport: Sendable, Hashable, Codable {
    /// The day, `YYYY-MM-DD`, in `timeZone`.
    public var date: String
    /// The time zone the day is taken in (Asia/Seoul by default).
    public var timeZone: String
    /// One row per kiosk and document with any activity, by kiosk then document.
    public var rows: [DailyReportRow]
    /// The sums of all rows.
    public var totals: DailyReportRow
    /// Residents' one-tap ratings per kiosk, then for all kiosks (issue 10).
    public var feedback: [DailyFeedback] = []

    /// A report.
    public init(date: String, timeZone: String, rows: [DailyReportRow], totals: DailyReportRow) {
        self.date = date
        self.timeZone = timeZone
        self.rows = rows
        self.totals = totals
    }

    /// Builds the report from storage totals.
    static func build(date: String, timeZone: String, totals: [CentralKindTotal], kioskNames: [String: String]) -> DailyReport {
        var byKey: [String: DailyReportRow] = [:]
        for total in totals {
            let key = total.kioskID + "\u{0}" + total.documentCode
            var row = byKey[key] ?? DailyReportRow(kioskID: total.kioskID, kioskName: kioskNames[total.kioskID] ?? "", documentCode: total.documentCode)
            switch total.kind {
            case "paid": row.paidWon += total.amountWon
            case "issued":
                row.issued += total.count
                row.copies += total.copies
            case "failed": row.failed += total.count
            case "refunded":
                row.refunded += total.count
                row.refundedWon += total.amountWon
            case "refund-owed":
                row.refundOwed += total.count
                row.refundOwedWon += total.amountWon
            default: break
            }
            row.revenueWon = row.paidWon - row.refundedWon - row.refundOwedWon
            byKey[key] = row
        }
        let rows = byKey.values.sorted { ($0.kioskID, $0.documentCode) < ($1.kioskID, $1.documentCode) }
        var sum = DailyReportRow(kioskID: "*", kioskName: "all kiosks", documentCode: "*")
        for row in rows {
            sum.issued += row.issued
            sum.copies += row.copies
            sum.failed += row.failed
            sum.refunded += row.refunded
            sum.refundOwed += row.refundOwed
            sum.paidWon += row.paidWon
            sum.refundedWon += row.refundedWon
            sum.refundOwedWon += row.refundOwedWon
            sum.revenueWon += row.revenueWon
        }
        return DailyReport(date: date, timeZone: timeZone, rows: rows, totals: sum)
    }

    /// The rows as CSV with a header line.
    public var csv: String {
        var out = "kiosk_id,kiosk_name,document_code,issued,copies,failed,refunded,refund_owed,paid_won,refunded_won,refund_owed_won,revenue_won\n"
        for row in rows + [totals] {
            let fields: [String] = [
                row.kioskID, row.kioskName, row.documentCode, "\(row.issued)", "\(row.copies)", "\(row.failed)",
                "\(row.refunded)", "\(row.refundOwed)", "\(row.paidWon)", "\(row.refundedWon)", "\(row.refundOwedWon)",
                "\(row.revenueWon)",
            ]
            out += fields.map(CSV.field).joined(separator: ",") + "\n"
        }
        return out
    }
}

/// One kiosk and document in a daily report.
public struct DailyReportRow: Sendable, Hashable, Codable {
    /// The kiosk (`*` in the totals row).
    public var kioskID: String
    /// Its name.
    public var kioskName: String
    /// The document code (`*` in the totals row).
    public var documentCode: String
    /// Issuances printed (`issued` entries).
    public var issued = 0
    /// Copies printed.
    public var copies = 0
    /// Issuances that failed to print.
    public var failed = 0
    /// Refunds paid out.
    public var refunded = 0
    /// Refunds the kiosk could not pay out and owes.
    public var refundOwed = 0
    /// Money taken, won.
    public var paidWon = 0
    /// Money returned, won.
    public var refundedWon = 0
    /// Money owed back, won.
    public var refundOwedWon = 0
    /// Paid minus refunded minus owed, won.
    public var revenueWon = 0

    /// An empty row.
    public init(kioskID: String, kioskName: String, documentCode: String) {
        self.kioskID = kioskID
        self.kioskName = kioskName
        self.documentCode = documentCode
    }
}
