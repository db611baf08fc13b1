public import KioskCore

/// A synthetic building (건축물) on a parcel, as the building register (건축물대장) shows it.
public struct RegistryBuilding: Sendable, Hashable, Codable {
    /// The parcel number it stands on.
    public var parcel: String
    /// Main use (주용도), e.g. `단독주택`.
    public var use: String
    /// Floors above ground.
    public var floors: Int
    /// Total floor area, square metres.
    public var floorAreaSquareMetres: Double
    /// Date of the use approval (사용승인일).
    public var approved: LocalDate

    /// A building.
    public init(parcel: String, use: String, floors: Int, floorAreaSquareMetres: Double, approved: LocalDate) {
        self.parcel = parcel
        self.use = use
        self.floors = floors
        self.floorAreaSquareMetres = floorAreaSquareMetres
        self.approved = approved
    }
}
