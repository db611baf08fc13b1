/// The families of civil documents the renderer lays out; each has its own sample and sample picture.
public enum DocumentFamily: String, Sendable, Codable, CaseIterable {
    /// 주민등록표 등본: the household and its members.
    case residentRegistrationCopy
    /// 주민등록표 초본: one person's address history.
    case residentRegistrationAbstract
    /// 가족관계증명서: family relations.
    case familyRelations
    /// 토지대장: a land parcel's register.
    case landParcel
}
