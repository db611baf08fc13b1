/// What a document says, as its back-end returns it: the title, the legal form it follows and its
/// sections. Values are shown exactly as given; masking (e.g. `900101-1******`) is applied before.
public struct DocumentContent: Sendable, Equatable, Codable {
    /// Which family of document.
    public var family: DocumentFamily
    /// The title printed at the top of every page, e.g. `주민등록표 (등본)`.
    public var title: String
    /// The legal form reference printed above the title, e.g. `■ 주민등록법 시행규칙 [별지 제15호서식]`.
    public var formReference: String
    /// The body, in order; long tables flow onto more pages with their header repeated.
    public var sections: [DocumentSection]
    /// The sentence that certifies the copy, printed above the issue date on the last page.
    public var certification: String

    /// A document's content.
    public init(family: DocumentFamily, title: String, formReference: String, sections: [DocumentSection],
                certification: String) {
        self.family = family
        self.title = title
        self.formReference = formReference
        self.sections = sections
        self.certification = certification
    }
}

/// One section of a document: an optional heading and a body.
public struct DocumentSection: Sendable, Equatable, Codable {
    /// The section's body.
    public enum Body: Sendable, Equatable, Codable {
        /// Label/value pairs, one per line.
        case fields([DocumentField])
        /// A table; rows wrap inside their cells and flow across pages.
        case table(DocumentTable)
        /// Running text, wrapped to the page width.
        case paragraph(String)
    }

    /// The heading printed above the body, if any.
    public var heading: String?
    /// The body.
    public var body: Body

    /// A section.
    public init(heading: String?, body: Body) {
        self.heading = heading
        self.body = body
    }
}

/// A label and its value (`세대주 성명` / `홍길동`).
public struct DocumentField: Sendable, Equatable, Codable {
    /// The label.
    public var label: String
    /// The value.
    public var value: String

    /// A field.
    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// A table: column titles with relative widths, and rows of cells (one cell per column).
public struct DocumentTable: Sendable, Equatable, Codable {
    /// One column.
    public struct Column: Sendable, Equatable, Codable {
        /// The header text.
        public var title: String
        /// The share of the table width this column takes, relative to the other columns.
        public var weight: Double

        /// A column.
        public init(_ title: String, weight: Double = 1) {
            self.title = title
            self.weight = weight
        }
    }

    /// The columns.
    public var columns: [Column]
    /// The rows; each has exactly one cell per column.
    public var rows: [[String]]

    /// A table.
    public init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }
}
