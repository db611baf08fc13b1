/// A synthetic household (세대): its members (the head first) and its current address.
public struct RegistryHousehold: Sendable, Hashable {
    /// Index in `SyntheticRegistry.households`.
    public var id: Int
    /// Resident ids, the head first.
    public var members: [Int]
    /// The current address of every member.
    public var address: RegistryAddress

    /// A household.
    public init(id: Int, members: [Int], address: RegistryAddress) {
        self.id = id
        self.members = members
        self.address = address
    }

    /// The head's resident id.
    public var head: Int { members[0] }
}
