/// Where a document may be issued for: any subject in the country, or only subjects in this kiosk's district.
public enum DocumentScope: String, Sendable, Hashable, Codable, CaseIterable {
    /// 전국: any subject (person, land, building) anywhere.
    case nationwide
    /// 관내: only subjects inside the kiosk's district (e.g. 건축물대장, 농지대장, 어선원부).
    case inDistrict = "in-district"
}
