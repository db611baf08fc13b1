/// What a document says, as a back-end returns it, in KioskCore terms (so back-ends need not import the
/// renderer): the family, the title, the legal form it follows, its sections and the certifying sentence.
///
/// Its `Codable` form is, field for field, the one of KioskPrinting's `DocumentContent` (same keys, same
/// section-body cases, `family` as the `DocumentFamily` raw value), so a kiosk decodes central's answer
/// straight into the renderer's type. Values are shown exactly as given: masking happens before.
public struct DocumentData: Sendable, Hashable, Codable {
    /// The document family, a `DocumentFamily` raw value of the renderer (e.g. `residentRegistrationCopy`).
    public var family: String
    /// The title printed at the top of every page, e.g. `주민등록표 (등본)`.
    public var title: String
    /// The legal form reference printed above the title.
    public var formReference: String
    /// The body, in order.
    public var sections: [Section]
    /// The sentence that certifies the copy.
    public var certification: String

    /// Document content.
    public init(family: String, title: String, formReference: String, sections: [Section], certification: String) {
        self.family = family
        self.title = title
        self.formReference = formReference
        self.sections = sections
        self.certification = certification
    }

    /// One section: an optional heading and a body.
    public struct Section: Sendable, Hashable, Codable {
        /// The section's body.
        public enum Body: Sendable, Hashable, Codable {
            /// Label/value pairs, one per line.
            case fields([Field])
            /// A table.
            case table(Table)
            /// Running text.
            case paragraph(String)
        }

        /// The heading, if any.
        public var heading: String?
        /// The body.
        public var body: Body

        /// A section.
        public init(heading: String?, body: Body) {
            self.heading = heading
            self.body = body
        }
    }

    /// A label and its value.
    public struct Field: Sendable, Hashable, Codable {
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

    /// A table: columns with relative widths and rows with one cell per column.
    public struct Table: Sendable, Hashable, Codable {
        /// One column.
        public struct Column: Sendable, Hashable, Codable {
            /// The header text.
            public var title: String
            /// The share of the width, relative to the other columns.
            public var weight: Double

            /// A column.
            public init(_ title: String, weight: Double = 1) {
                self.title = title
                self.weight = weight
            }
        }

        /// The columns.
        public var columns: [Column]
        /// The rows, each with exactly one cell per column.
        public var rows: [[String]]

        /// A table.
        public init(columns: [Column], rows: [[String]]) {
            self.columns = columns
            self.rows = rows
        }
    }
}
