/// A relation on the family relation certificate (가족관계증명서).
public enum FamilyRelation: String, Sendable, Hashable, Codable {
    /// 부.
    case father
    /// 모.
    case mother
    /// 배우자.
    case spouse
    /// 자녀.
    case child

    /// The Korean term printed on the certificate.
    public var nameKo: String {
        switch self {
        case .father: "부"
        case .mother: "모"
        case .spouse: "배우자"
        case .child: "자녀"
        }
    }
}
