/// A member's relation to the head of the household (세대주와의 관계).
public enum HouseholdRelation: String, Sendable, Hashable, Codable, CaseIterable {
    /// The head (본인).
    case head
    /// The head's spouse (배우자).
    case spouse
    /// A child of the head (자녀).
    case child
    /// The head's father (부).
    case father
    /// The head's mother (모).
    case mother

    /// The Korean term printed on documents.
    public var nameKo: String {
        switch self {
        case .head: "본인"
        case .spouse: "배우자"
        case .child: "자녀"
        case .father: "부"
        case .mother: "모"
        }
    }
}
