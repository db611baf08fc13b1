/// Who a ccTalk device says it is (headers 245, 246, 244, 242, 241).
public struct CCTalkDeviceIdentity: Sendable, Hashable, Codable {
    /// Equipment category id: `Coin Acceptor`, `Payout`, `Bill Validator`, …
    public var equipmentCategory: String
    /// Manufacturer id (e.g. `MCI`, `Azkoyen`).
    public var manufacturer: String
    /// Product code.
    public var productCode: String
    /// Serial number (3 bytes on the wire, least significant first).
    public var serialNumber: UInt32
    /// Software revision.
    public var softwareRevision: String

    /// An identity.
    public init(equipmentCategory: String, manufacturer: String, productCode: String, serialNumber: UInt32, softwareRevision: String) {
        self.equipmentCategory = equipmentCategory
        self.manufacturer = manufacturer
        self.productCode = productCode
        self.serialNumber = serialNumber
        self.softwareRevision = softwareRevision
    }
}
