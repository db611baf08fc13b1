/// An option the resident sets for a document; each choice renders a different document.
/// Only options in `DocumentOption.known` exist (a catalog naming another key is invalid).
public struct DocumentOption: Sendable, Hashable, Codable {
    /// One choice of an option.
    public struct Choice: Sendable, Hashable, Codable {
        /// Stable ASCII value recorded with the issuance, e.g. "recent-5y".
        public var value: String
        /// Korean label on the screen.
        public var nameKo: String
        /// English label.
        public var nameEn: String

        /// A choice.
        public init(value: String, nameKo: String, nameEn: String) {
            self.value = value
            self.nameKo = nameKo
            self.nameEn = nameEn
        }
    }

    /// Stable ASCII key, e.g. "address-history".
    public var key: String
    /// Korean label.
    public var nameKo: String
    /// English label.
    public var nameEn: String
    /// The choices offered, in screen order.
    public var choices: [Choice]
    /// The pre-selected choice, or nil when the resident must choose explicitly (the screen pre-selects nothing).
    public var defaultValue: String?
    /// True when the law requires an explicit choice: a catalog may not give this option a default.
    public var explicitChoiceRequired: Bool

    /// An option.
    public init(key: String, nameKo: String, nameEn: String, choices: [Choice], defaultValue: String?, explicitChoiceRequired: Bool = false) {
        self.key = key
        self.nameKo = nameKo
        self.nameEn = nameEn
        self.choices = choices
        self.defaultValue = defaultValue
        self.explicitChoiceRequired = explicitChoiceRequired
    }

    /// This option restricted to `values` (in that order) and with `defaultValue`.
    public func restricted(to values: [String], defaultValue: String?) -> DocumentOption {
        var copy = self
        copy.choices = values.compactMap { value in choices.first { $0.value == value } }
        copy.defaultValue = defaultValue
        return copy
    }

    /// Every option a document may have, by key.
    public static let known: [String: DocumentOption] = Dictionary(
        uniqueKeysWithValues: [
            DocumentOption(
                key: "mask-rrn", nameKo: "주민등록번호 뒷자리", nameEn: "Back six digits of RRNs",
                choices: [
                    Choice(value: "mask", nameKo: "비공개", nameEn: "Masked"),
                    Choice(value: "show", nameKo: "공개", nameEn: "Shown"),
                ], defaultValue: nil, explicitChoiceRequired: true),
            DocumentOption(
                key: "address-history", nameKo: "주소 변동 사항", nameEn: "Address history",
                choices: [
                    Choice(value: "all", nameKo: "전체 포함", nameEn: "All"),
                    Choice(value: "recent-5y", nameKo: "최근 5년 포함", nameEn: "Last 5 years"),
                    Choice(value: "none", nameKo: "미포함", nameEn: "None"),
                ], defaultValue: nil, explicitChoiceRequired: true),
            DocumentOption(
                key: "military-record", nameKo: "병역 사항", nameEn: "Military service record",
                choices: [
                    Choice(value: "include", nameKo: "포함", nameEn: "Included"),
                    Choice(value: "exclude", nameKo: "미포함", nameEn: "Not included"),
                ], defaultValue: nil, explicitChoiceRequired: true),
            DocumentOption(
                key: "purpose", nameKo: "용도", nameEn: "Purpose",
                choices: [
                    Choice(value: "submission", nameKo: "제출용", nameEn: "For submission"),
                    Choice(value: "confirmation", nameKo: "확인용", nameEn: "For confirmation"),
                ], defaultValue: "submission"),
            DocumentOption(
                key: "detail", nameKo: "증명서 종류", nameEn: "Certificate type",
                choices: [
                    Choice(value: "general", nameKo: "일반", nameEn: "General"),
                    Choice(value: "detailed", nameKo: "상세", nameEn: "Detailed"),
                ], defaultValue: "general"),
            DocumentOption(
                key: "cancelled-entries", nameKo: "말소사항", nameEn: "Cancelled entries",
                choices: [
                    Choice(value: "exclude", nameKo: "현재 유효사항", nameEn: "Current entries only"),
                    Choice(value: "include", nameKo: "말소사항 포함", nameEn: "Including cancelled entries"),
                ], defaultValue: "exclude"),
        ].map { ($0.key, $0) })
}
