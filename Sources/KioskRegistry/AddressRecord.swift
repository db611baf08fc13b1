public import KioskCore

/// One line of a resident's address history (주소 변동 사항): where, since when, and why.
public struct AddressRecord: Sendable, Hashable, Codable {
    /// The address.
    public var address: RegistryAddress
    /// The move-in date (전입일).
    public var movedIn: LocalDate
    /// The reason recorded, e.g. `전입` or `출생등록`.
    public var reason: String

    /// An address record.
    public init(address: RegistryAddress, movedIn: LocalDate, reason: String) {
        self.address = address
        self.movedIn = movedIn
        self.reason = reason
    }
}
