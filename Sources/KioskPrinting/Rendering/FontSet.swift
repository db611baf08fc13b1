internal import CCairo

/// The four Nanum faces the documents use, loaded once through fontconfig as cairo font faces.
/// Not Sendable by itself: `DocumentRenderer` keeps it inside a mutex.
struct FontSet: ~Copyable {
    /// What a piece of text is set in.
    enum Role: Int, CaseIterable {
        /// NanumMyeongjo Bold: titles.
        case title
        /// NanumMyeongjo: running text, the certification.
        case serif
        /// NanumGothic: tables, labels, footers.
        case sans
        /// NanumGothic Bold: table headers, headings, the issuance number.
        case sansBold

        var fontconfigName: String {
            switch self {
            case .title: "NanumMyeongjo:weight=bold"
            case .serif: "NanumMyeongjo"
            case .sans: "NanumGothic"
            case .sansBold: "NanumGothic:weight=bold"
            }
        }

        var family: String {
            switch self {
            case .title, .serif: "NanumMyeongjo"
            case .sans, .sansBold: "NanumGothic"
            }
        }
    }

    /// cairo font faces, indexed by `Role.rawValue`.
    let faces: [OpaquePointer]
    /// Characters already checked to have a glyph, per role.
    var checked: [Set<Unicode.Scalar>]

    /// Loads every role; throws when fontconfig cannot find a Nanum face (it would fall back silently).
    init() throws(DocumentRenderError) {
        var faces: [OpaquePointer] = []
        for role in Role.allCases {
            guard let pattern = FcNameParse(role.fontconfigName) else {
                throw .library("fontconfig cannot parse \(role.fontconfigName)")
            }
            defer { FcPatternDestroy(pattern) }
            FcConfigSubstitute(nil, pattern, FcMatchPattern)
            FcDefaultSubstitute(pattern)
            var result = FcResultMatch
            guard let match = FcFontMatch(nil, pattern, &result) else {
                throw .fontNotFound(family: role.family, matched: "nothing")
            }
            defer { FcPatternDestroy(match) }
            var familyName: UnsafeMutablePointer<FcChar8>?
            FcPatternGetString(match, "family", 0, &familyName)
            let matched = familyName.map { String(cString: $0) } ?? "?"
            guard matched == role.family else {
                faces.forEach { cairo_font_face_destroy($0) }
                throw .fontNotFound(family: role.family, matched: matched)
            }
            guard let face = cairo_ft_font_face_create_for_pattern(match) else {
                throw .library("cairo cannot open \(role.family)")
            }
            faces.append(face)
        }
        self.faces = faces
        checked = Array(repeating: [], count: Role.allCases.count)
    }

    deinit { faces.forEach { cairo_font_face_destroy($0) } }
}
