import KioskCore

/// Lays a document out on A4 pages: body content flows from page to page (table headers repeat),
/// the certification with issue date, authority and seal box closes the last page. Produces draw
/// operations per page; the footer (number, QR code, page i of n) is added once the count is known.
struct PageLayout {
    static let margin = 45.0
    static let contentWidth = PDFCanvas.pageWidth - 2 * margin
    static let bodyTop = 112.0
    static let bodyBottom = PDFCanvas.pageHeight - 118

    private let canvas: PDFCanvas
    private let faces: [OpaquePointer]
    private(set) var pages: [[DrawOperation]] = [[]]
    private var y = bodyTop

    init(canvas: PDFCanvas, faces: [OpaquePointer]) {
        self.canvas = canvas
        self.faces = faces
    }

    // MARK: measuring

    func width(_ text: String, _ role: FontSet.Role, _ size: Double) -> Double {
        canvas.setFont(faces[role.rawValue], size: size)
        return canvas.width(text)
    }

    /// Greedy line breaking: at spaces when possible, inside a word when the word alone is too wide.
    func wrap(_ text: String, _ role: FontSet.Role, _ size: Double, width limit: Double) -> [String] {
        canvas.setFont(faces[role.rawValue], size: size)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if canvas.width(candidate) <= limit {
                    line = candidate
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                line = ""
                for character in word {
                    let next = line + String(character)
                    if canvas.width(next) > limit && !line.isEmpty {
                        lines.append(line)
                        line = String(character)
                    } else {
                        line = next
                    }
                }
            }
            lines.append(line)
        }
        return lines
    }

    // MARK: flow

    private mutating func ensure(_ height: Double) {
        if y + height > Self.bodyBottom && y > Self.bodyTop {
            pages.append([])
            y = Self.bodyTop
        }
    }

    private mutating func add(_ operation: DrawOperation) {
        pages[pages.count - 1].append(operation)
    }

    mutating func heading(_ text: String, keepWith next: Double) {
        ensure(24 + next)
        add(.text(text, x: Self.margin, y: y + 15, role: .sansBold, size: 11))
        y += 22
    }

    mutating func fields(_ fields: [DocumentField]) {
        let labelWidth = 120.0
        let valueWidth = Self.contentWidth - labelWidth
        for field in fields {
            let labelLines = wrap(field.label, .sansBold, 9.5, width: labelWidth - 10)
            let valueLines = wrap(field.value, .sans, 10, width: valueWidth - 10)
            let height = Double(max(labelLines.count, valueLines.count)) * 14 + 8
            ensure(height)
            add(.box(x: Self.margin, y: y, width: labelWidth, height: height, fill: .labelFill, stroke: .black, lineWidth: 0.5))
            add(.box(x: Self.margin + labelWidth, y: y, width: valueWidth, height: height, fill: nil, stroke: .black, lineWidth: 0.5))
            for (index, line) in labelLines.enumerated() {
                add(.text(line, x: Self.margin + 5, y: y + 15 + Double(index) * 14, role: .sansBold, size: 9.5, color: .label))
            }
            for (index, line) in valueLines.enumerated() {
                add(.text(line, x: Self.margin + labelWidth + 5, y: y + 15 + Double(index) * 14, role: .sans, size: 10))
            }
            y += height
        }
        y += 10
    }

    mutating func table(_ table: DocumentTable) {
        let total = table.columns.reduce(0) { $0 + $1.weight }
        let widths = table.columns.map { Self.contentWidth * $0.weight / total }
        let header = table.columns.enumerated().map { index, column in wrap(column.title, .sansBold, 9, width: widths[index] - 8) }
        let headerHeight = Double(header.map(\.count).max() ?? 1) * 12.5 + 8
        func drawRow(_ cells: [[String]], height: Double, role: FontSet.Role, fill: DrawOperation.RGB?) {
            var x = Self.margin
            for (index, lines) in cells.enumerated() {
                add(.box(x: x, y: y, width: widths[index], height: height, fill: fill, stroke: .black, lineWidth: 0.5))
                for (lineIndex, line) in lines.enumerated() {
                    add(.text(line, x: x + 4, y: y + 14 + Double(lineIndex) * 12.5, role: role, size: 9))
                }
                x += widths[index]
            }
            y += height
        }
        var headerOnPage = false
        for row in table.rows {
            let cells = row.enumerated().map { index, cell in wrap(cell, .sans, 9, width: widths[index] - 8) }
            let height = Double(cells.map(\.count).max() ?? 1) * 12.5 + 8
            let pageBefore = pages.count
            ensure(height + (headerOnPage ? 0 : headerHeight))
            if pages.count != pageBefore { headerOnPage = false }
            if !headerOnPage {
                drawRow(header, height: headerHeight, role: .sansBold, fill: .headerFill)
                headerOnPage = true
            }
            drawRow(cells, height: height, role: .sans, fill: nil)
        }
        if table.rows.isEmpty {
            ensure(headerHeight)
            drawRow(header, height: headerHeight, role: .sansBold, fill: .headerFill)
        }
        y += 12
    }

    mutating func paragraph(_ text: String) {
        for line in wrap(text, .serif, 10.5, width: Self.contentWidth) {
            ensure(17)
            add(.text(line, x: Self.margin, y: y + 13, role: .serif, size: 10.5))
            y += 17
        }
        y += 8
    }

    /// The certification sentence, issue date, authority and seal box; kept together on one page.
    mutating func certification(_ text: String, date: String, authority: String) {
        let lines = wrap(text, .serif, 11, width: Self.contentWidth)
        let height = Double(lines.count) * 18 + 108
        ensure(height)
        y += 10
        for line in lines {
            add(.text(line, x: (PDFCanvas.pageWidth - width(line, .serif, 11)) / 2, y: y + 14, role: .serif, size: 11))
            y += 18
        }
        y += 14
        add(.text(date, x: (PDFCanvas.pageWidth - width(date, .serif, 12)) / 2, y: y + 14, role: .serif, size: 12))
        y += 44
        let authorityWidth = width(authority, .title, 16)
        let seal = 58.0
        let startX = (PDFCanvas.pageWidth - authorityWidth - 14 - seal) / 2
        add(.text(authority, x: startX, y: y + 6, role: .title, size: 16))
        let sealX = startX + authorityWidth + 14
        add(.box(x: sealX, y: y - 29, width: seal, height: seal, fill: nil, stroke: .seal, lineWidth: 1.6))
        let mark = "직인"
        add(.text(mark, x: sealX + (seal - width(mark, .sansBold, 11)) / 2, y: y + 4, role: .sansBold, size: 11, color: .seal))
        y += 40
    }
}
