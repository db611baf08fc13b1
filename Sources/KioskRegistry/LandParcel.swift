/// A synthetic land parcel (필지) as the land register (토지대장) shows it.
public struct LandParcel: Sendable, Hashable, Codable {
    /// The 19-digit parcel number (PNU): legal-dong code (10), mountain flag (1: 일반, 2: 산), main (4) and
    /// sub (4) lot numbers.
    public var number: String
    /// The lot address, e.g. `충청남도 당진시 읍내동 123-4`.
    public var lotAddress: String
    /// The land category (지목), e.g. `대`, `전`, `답`, `임야`.
    public var category: String
    /// Area in square metres.
    public var areaSquareMetres: Double
    /// The officially assessed land price, won per square metre (개별공시지가).
    public var pricePerSquareMetre: Int
    /// The owning resident's id, or `nil` for land owned by the state or a company.
    public var owner: Int?
    /// The owner's name as registered (a resident's name, `국`, or a company).
    public var ownerName: String

    /// A parcel.
    public init(number: String, lotAddress: String, category: String, areaSquareMetres: Double, pricePerSquareMetre: Int,
                owner: Int?, ownerName: String) {
        self.number = number
        self.lotAddress = lotAddress
        self.category = category
        self.areaSquareMetres = areaSquareMetres
        self.pricePerSquareMetre = pricePerSquareMetre
        self.owner = owner
        self.ownerName = ownerName
    }
}
