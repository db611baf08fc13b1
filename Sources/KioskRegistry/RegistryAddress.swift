/// A synthetic road-name address (도로명주소): province, district, road, building number and unit.
public struct RegistryAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 시·도, e.g. `서울특별시`.
    public var province: String
    /// 시·군·구, e.g. `종로구`.
    public var district: String
    /// The road name, e.g. `세종대로`.
    public var road: String
    /// The building number on the road.
    public var buildingNumber: Int
    /// Unit, e.g. `101동 1203호`, or empty for a house.
    public var unit: String

    /// An address.
    public init(province: String, district: String, road: String, buildingNumber: Int, unit: String) {
        self.province = province
        self.district = district
        self.road = road
        self.buildingNumber = buildingNumber
        self.unit = unit
    }

    /// The address on one line, as documents print it.
    public var description: String {
        "\(province) \(district) \(road) \(buildingNumber)" + (unit.isEmpty ? "" : ", \(unit)")
    }
}
