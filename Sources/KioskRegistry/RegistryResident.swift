public import KioskCore

/// A synthetic resident: identity, household membership, address history and fee exemptions.
public struct RegistryResident: Sendable, Hashable {
    /// Index in `SyntheticRegistry.residents` (stable for a given seed).
    public var id: Int
    /// Full name, surname first (`김민준`).
    public var name: String
    /// The resident (or foreigner) registration number.
    public var residentNumber: ResidentNumber
    /// The household the resident belongs to (index in `SyntheticRegistry.households`).
    public var household: Int
    /// Relation to the head of that household.
    public var relation: HouseholdRelation
    /// Addresses, oldest first; the last is the current one.
    public var addressHistory: [AddressRecord]
    /// Fee exemptions the back-end confirms for this resident.
    public var exemptions: [ExemptionKind]

    /// A resident.
    public init(id: Int, name: String, residentNumber: ResidentNumber, household: Int, relation: HouseholdRelation,
                addressHistory: [AddressRecord], exemptions: [ExemptionKind]) {
        self.id = id
        self.name = name
        self.residentNumber = residentNumber
        self.household = household
        self.relation = relation
        self.addressHistory = addressHistory
        self.exemptions = exemptions
    }
}
