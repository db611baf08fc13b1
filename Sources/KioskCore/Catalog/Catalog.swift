/// The documents a kiosk offers, by code, with the catalog's version number. Central may push a newer
/// version; the loader keeps the last good one.
public struct Catalog: Sendable, Hashable {
    /// Version number of the catalog data (increases with every published change).
    public var version: Int
    /// Documents in catalog order.
    public private(set) var documents: [DocumentType]
    private var indexByCode: [String: Int]

    /// A catalog; `documents` must have unique codes (the loader checks; here a later duplicate is dropped).
    public init(version: Int, documents: [DocumentType]) {
        self.version = version
        self.documents = []
        self.indexByCode = [:]
        for document in documents where indexByCode[document.code] == nil {
            indexByCode[document.code] = self.documents.count
            self.documents.append(document)
        }
    }

    /// The document with `code`, if offered.
    public subscript(code: String) -> DocumentType? {
        indexByCode[code].map { documents[$0] }
    }

    /// Number of documents.
    public var count: Int { documents.count }

    /// This catalog with a site's overrides applied: disabled documents removed, fees replaced
    /// (the in-district and out-of-district kiosk fee both become the site's fee).
    public func applying(_ overrides: CatalogOverrides) -> Catalog {
        var result: [DocumentType] = []
        for var document in documents where !overrides.disabled.contains(document.code) {
            if let fee = overrides.fees[document.code] {
                document.kioskFee = fee
                if document.outOfDistrictFee != nil { document.outOfDistrictFee = fee }
            }
            result.append(document)
        }
        return Catalog(version: version, documents: result)
    }
}
