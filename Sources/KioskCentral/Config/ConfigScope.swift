/// Whom a configuration document applies to.
public enum ConfigScope: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every kiosk of a district (target: the district's name as registered).
    case district
    /// One kiosk (target: its id); overrides its district's document.
    case kiosk
}
