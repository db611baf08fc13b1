/// A calendar date in the issuing office's time zone (the caller converts from its clock).
public struct IssueDate: Sendable, Equatable, Codable {
    /// The year, e.g. 2026.
    public var year: Int
    /// 1…12.
    public var month: Int
    /// 1…31.
    public var day: Int

    /// A date; throws `DocumentRenderError.invalidDate` when it is not a real calendar date.
    public init(year: Int, month: Int, day: Int) throws(DocumentRenderError) {
        let daysInMonth = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30,
                           31, 31, 30, 31, 30, 31]
        guard (1900...9999).contains(year), (1...12).contains(month), (1...daysInMonth[month - 1]).contains(day) else {
            throw .invalidDate("\(year)-\(month)-\(day)")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2026년 11월 22일`, as printed on the document.
    public var korean: String { "\(year)년 \(month)월 \(day)일" }

    /// `2026-11-22T00:00:00`, the PDF creation date (fixed, so the same document gives the same bytes).
    var pdfMetadata: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T00:00:00"
    }
}
