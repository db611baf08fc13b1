import KioskCore
import Synchronization

/// Renders issued documents as A4 PDFs: Nanum fonts (embedded as subsets), the legal form reference
/// and title on every page, the content flowing over as many pages as it needs, the options chosen,
/// the issue date and issuing authority with the seal box on the last page, and on every page the
/// issuance number, "page i of n" and a QR code carrying the verification URL and number.
///
/// Deterministic: the same `IssuedDocument` gives byte-identical PDFs (the creation date is the issue
/// date), so a SHA-256 of the PDF identifies it. Every character is checked against its font: a
/// character the font lacks is an error, never a box on paper. Safe to share; renders one document
/// at a time (cairo and fontconfig state sit behind a mutex).
public final class DocumentRenderer: Sendable {
    private let fonts: Mutex<FontSet>

    /// Loads the fonts; throws `fontNotFound` when fonts-nanum is missing.
    public init() throws(DocumentRenderError) {
        fonts = Mutex(try FontSet())
    }

    /// The text the QR code carries: the verification URL with the number as its `number` query item.
    public static func verificationPayload(url: String, number: String) -> String {
        url + (url.contains("?") ? "&" : "?") + "number=" + number
    }

    /// Renders `document`. Throws when the number is not `NNNN-NNNN-NNNN-NNNN`, a table row has the
    /// wrong number of cells, a required value is empty, or a character has no glyph.
    public func render(_ document: IssuedDocument) throws(DocumentRenderError) -> RenderedDocument {
        try Self.validate(document)
        return try fonts.withLock { (fontSet: inout FontSet) throws(DocumentRenderError) -> RenderedDocument in
            try Self.render(document, fonts: &fontSet)
        }
    }

    private static func validate(_ document: IssuedDocument) throws(DocumentRenderError) {
        let groups = document.issuanceNumber.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.count == 4, groups.allSatisfy({ $0.count == 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw .invalidIssuanceNumber(document.issuanceNumber)
        }
        if document.content.title.isEmpty { throw .missingValue("title") }
        if document.authority.isEmpty { throw .missingValue("issuing authority") }
        if document.verificationURL.isEmpty { throw .missingValue("verification URL") }
        for section in document.content.sections {
            guard case .table(let table) = section.body else { continue }
            for (index, row) in table.rows.enumerated() where row.count != table.columns.count {
                throw .malformedTable(section: section.heading ?? "", row: index + 1, cells: row.count,
                                      columns: table.columns.count)
            }
        }
    }

    private static func render(_ document: IssuedDocument, fonts: inout FontSet) throws(DocumentRenderError) -> RenderedDocument {
        let content = document.content
        let canvas = try PDFCanvas(title: content.title, creationDate: document.issueDate.pdfMetadata)
        var layout = PageLayout(canvas: canvas, faces: fonts.faces)
        if !document.options.isEmpty {
            layout.heading("발급 선택사항", keepWith: 22)
            layout.fields(document.options)
        }
        for section in content.sections {
            if let heading = section.heading { layout.heading(heading, keepWith: 30) }
            switch section.body {
            case .fields(let fields): layout.fields(fields)
            case .table(let table): layout.table(table)
            case .paragraph(let text): layout.paragraph(text)
            }
        }
        layout.certification(content.certification, date: document.issueDate.korean, authority: document.authority)

        let qr = try QRCodeMatrix(verificationPayload(url: document.verificationURL, number: document.issuanceNumber))
        let pageCount = layout.pages.count
        for (index, operations) in layout.pages.enumerated() {
            var page = operations
            page += header(content, layout: layout)
            page += footer(document, page: index + 1, of: pageCount)
            try draw(page, on: canvas, fonts: &fonts)
            canvas.fillRectangles(qr.rectangles(x: PDFCanvas.pageWidth - PageLayout.margin - 72,
                                                y: PDFCanvas.pageHeight - 100, side: 72))
            canvas.showPage()
        }
        return RenderedDocument(pdf: try canvas.finish(), pageCount: pageCount)
    }

    private static func header(_ content: DocumentContent, layout: PageLayout) -> [DrawOperation] {
        let margin = PageLayout.margin
        let titleWidth = layout.width(content.title, .title, 21)
        return [
            .text(content.formReference, x: margin, y: 40, role: .sans, size: 8.5, color: .label),
            .text(content.title, x: (PDFCanvas.pageWidth - titleWidth) / 2, y: 82, role: .title, size: 21),
            .line(x1: margin, y1: 96, x2: PDFCanvas.pageWidth - margin, y2: 96, width: 1.2),
            .line(x1: margin, y1: 99, x2: PDFCanvas.pageWidth - margin, y2: 99, width: 0.4),
        ]
    }

    private static func footer(_ document: IssuedDocument, page: Int, of count: Int) -> [DrawOperation] {
        let margin = PageLayout.margin
        let top = PDFCanvas.pageHeight - 108
        return [
            .line(x1: margin, y1: top, x2: PDFCanvas.pageWidth - margin, y2: top, width: 0.6),
            .text("발급번호 \(document.issuanceNumber)", x: margin, y: top + 26, role: .sansBold, size: 11),
            .text("문서 확인: \(document.verificationURL)", x: margin, y: top + 44, role: .sans, size: 8),
            .text("오른쪽 QR코드 또는 발급번호로 이 문서의 진위를 확인할 수 있습니다.", x: margin, y: top + 58, role: .sans, size: 8),
            .text("\(page) / \(count) 쪽 (page \(page) of \(count))", x: margin, y: top + 84, role: .sans, size: 9),
        ]
    }

    private static func draw(_ operations: [DrawOperation], on canvas: PDFCanvas, fonts: inout FontSet) throws(DocumentRenderError) {
        for operation in operations {
            switch operation {
            case .text(let text, let x, let y, let role, let size, let color):
                canvas.setFont(fonts.faces[role.rawValue], size: size)
                let unchecked = text.unicodeScalars.filter { !fonts.checked[role.rawValue].contains($0) }
                if !unchecked.isEmpty {
                    if let missing = canvas.missingGlyphs(String(String.UnicodeScalarView(unchecked))).first {
                        throw .missingGlyph(character: String(missing), font: role.family)
                    }
                    fonts.checked[role.rawValue].formUnion(unchecked)
                }
                canvas.text(text, x: x, y: y, color: color.tuple)
            case .line(let x1, let y1, let x2, let y2, let width):
                canvas.line(from: (x1, y1), to: (x2, y2), width: width)
            case .box(let x, let y, let width, let height, let fill, let stroke, let lineWidth):
                canvas.rectangle(x: x, y: y, width: width, height: height, fill: fill?.tuple, stroke: stroke?.tuple,
                                 lineWidth: lineWidth)
            }
        }
    }
}
