/// A synthetic registered vehicle (자동차등록원부).
public struct RegistryVehicle: Sendable, Hashable, Codable {
    /// The plate, e.g. `12가3456`.
    public var plate: String
    /// The model, e.g. `쏘나타`.
    public var model: String
    /// The model year.
    public var year: Int
    /// The owning resident's id.
    public var owner: Int

    /// A vehicle.
    public init(plate: String, model: String, year: Int, owner: Int) {
        self.plate = plate
        self.model = model
        self.year = year
        self.owner = owner
    }
}
