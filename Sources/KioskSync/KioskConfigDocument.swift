/// A configuration document central distributes to kiosks (per district, per kiosk): which catalog
/// version to use, fee overrides by local ordinance, opening hours, per-document windows and extra
/// holiday dates. Every field is optional; a kiosk document overrides its district's field by field
/// (dictionaries key by key).
public struct KioskConfigDocument: Sendable, Hashable, Codable {
    /// The catalog version to use, if set.
    public var catalogVersion: String?
    /// Kiosk fee per document code, in won.
    public var feeOverridesWon: [String: Int]?
    /// Opening hours (the opening_hours subset kioskd parses), e.g. `Mo-Fr 09:00-18:00`.
    public var hours: String?
    /// Per-document time windows (same syntax as `hours`), by document code.
    public var documentWindows: [String: String]?
    /// Extra closed days, `YYYY-MM-DD` (local).
    public var extraHolidays: [String]?

    /// A document.
    public init(
        catalogVersion: String? = nil, feeOverridesWon: [String: Int]? = nil, hours: String? = nil,
        documentWindows: [String: String]? = nil, extraHolidays: [String]? = nil
    ) {
        self.catalogVersion = catalogVersion
        self.feeOverridesWon = feeOverridesWon
        self.hours = hours
        self.documentWindows = documentWindows
        self.extraHolidays = extraHolidays
    }

    /// This document laid over `base` (a district's): this one's fields win; dictionaries merge key by
    /// key; holiday lists are joined (sorted, without repeats).
    public func over(_ base: KioskConfigDocument) -> KioskConfigDocument {
        func merge<V>(_ top: [String: V]?, _ bottom: [String: V]?) -> [String: V]? {
            guard let top else { return bottom }
            guard let bottom else { return top }
            return bottom.merging(top) { _, new in new }
        }
        let holidays: [String]? =
            extraHolidays == nil && base.extraHolidays == nil ? nil : Array(Set((base.extraHolidays ?? []) + (extraHolidays ?? []))).sorted()
        return KioskConfigDocument(
            catalogVersion: catalogVersion ?? base.catalogVersion, feeOverridesWon: merge(feeOverridesWon, base.feeOverridesWon),
            hours: hours ?? base.hours, documentWindows: merge(documentWindows, base.documentWindows), extraHolidays: holidays)
    }
}
