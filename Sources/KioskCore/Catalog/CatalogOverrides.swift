/// A site's changes to the default catalog (the `[catalog]` table of kiosk.toml): documents it does not
/// offer, fees set by local ordinance (e.g. 0), and which administrative districts count as "in district".
public struct CatalogOverrides: Sendable, Hashable {
    /// Codes of documents this kiosk does not offer.
    public var disabled: Set<String>
    /// Fee per copy replacing the catalog's kiosk fee, by document code.
    public var fees: [String: Money]
    /// 5-digit 시군구 codes (행정표준코드) of the kiosk's district; a subject whose code is listed is in district.
    public var districtCodes: Set<String>

    /// Overrides.
    public init(disabled: Set<String> = [], fees: [String: Money] = [:], districtCodes: Set<String> = []) {
        self.disabled = disabled
        self.fees = fees
        self.districtCodes = districtCodes
    }

    /// Whether a subject in the 시군구 `code` (first 5 digits of a 10-digit 법정동 code also work) is in district.
    public func isInDistrict(_ code: String) -> Bool {
        districtCodes.contains(String(code.prefix(5)))
    }
}
