/// A ccTalk header (command) number, from the generic specification (ccTalk Generic Specification,
/// part 2). A struct, not an enum, so more headers can be added without breaking users.
public struct CCTalkHeader: Sendable, Hashable, Codable, RawRepresentable, CustomStringConvertible {
    /// The header byte.
    public var rawValue: UInt8

    /// A header byte.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 0: the reply / ACK header.
    public static let reply = CCTalkHeader(rawValue: 0)
    /// 1: Reset device (software reset).
    public static let resetDevice = CCTalkHeader(rawValue: 1)
    /// 5: NAK (in replies).
    public static let nak = CCTalkHeader(rawValue: 5)
    /// 6: BUSY (in replies).
    public static let busy = CCTalkHeader(rawValue: 6)
    /// 254: Simple poll → ACK.
    public static let simplePoll = CCTalkHeader(rawValue: 254)
    /// 246: Request manufacturer id → ASCII.
    public static let requestManufacturerID = CCTalkHeader(rawValue: 246)
    /// 245: Request equipment category id → ASCII (`Coin Acceptor`, `Payout`, `Bill Validator`).
    public static let requestEquipmentCategoryID = CCTalkHeader(rawValue: 245)
    /// 244: Request product code → ASCII.
    public static let requestProductCode = CCTalkHeader(rawValue: 244)
    /// 242: Request serial number → 3 bytes, least significant first.
    public static let requestSerialNumber = CCTalkHeader(rawValue: 242)
    /// 241: Request software revision → ASCII.
    public static let requestSoftwareRevision = CCTalkHeader(rawValue: 241)
    /// 231: Modify inhibit status `[mask 1–8] [mask 9–16]` (bit set = channel enabled).
    public static let modifyInhibitStatus = CCTalkHeader(rawValue: 231)
    /// 230: Request inhibit status → `[mask 1–8] [mask 9–16]`.
    public static let requestInhibitStatus = CCTalkHeader(rawValue: 230)
    /// 229: Read buffered credit or error codes → `[event counter] [A1 B1] … [A5 B5]` (coin acceptor).
    public static let readBufferedCredit = CCTalkHeader(rawValue: 229)
    /// 228: Modify master inhibit status `[bit 0: 1 = accept, 0 = inhibit all]`.
    public static let modifyMasterInhibit = CCTalkHeader(rawValue: 228)
    /// 227: Request master inhibit status.
    public static let requestMasterInhibit = CCTalkHeader(rawValue: 227)
    /// 217: Request payout high / low status → `[status]` (bit 0 low-level sensor triggered, bit 4 supported).
    public static let requestPayoutHighLowStatus = CCTalkHeader(rawValue: 217)
    /// 184: Request coin id `[channel]` → 6 ASCII characters (`KR100A`).
    public static let requestCoinID = CCTalkHeader(rawValue: 184)
    /// 172: Emergency stop → `[coins remaining]`.
    public static let emergencyStop = CCTalkHeader(rawValue: 172)
    /// 167: Dispense hopper coins `[8 security bytes] [N]` → `[event counter]`.
    public static let dispenseHopperCoins = CCTalkHeader(rawValue: 167)
    /// 166: Request hopper status → `[event counter] [coins remaining] [last paid] [last unpaid]`.
    public static let requestHopperStatus = CCTalkHeader(rawValue: 166)
    /// 164: Enable hopper `[165]` (any other value disables).
    public static let enableHopper = CCTalkHeader(rawValue: 164)
    /// 163: Test hopper → hopper status registers (bit flags).
    public static let testHopper = CCTalkHeader(rawValue: 163)
    /// 159: Read buffered bill events → `[event counter] [A1 B1] … [A5 B5]` (bill validator).
    public static let readBufferedBillEvents = CCTalkHeader(rawValue: 159)
    /// 157: Request bill id `[bill type]` → 7 ASCII characters (`KR1000A`).
    public static let requestBillID = CCTalkHeader(rawValue: 157)
    /// 156: Request country scaling factor `[country code, 2 ASCII]` → `[factor LSB] [factor MSB] [decimal places]`.
    public static let requestCountryScalingFactor = CCTalkHeader(rawValue: 156)
    /// 154: Route bill `[0 = return, 1 = stack, 255 = extend escrow timeout]`.
    public static let routeBill = CCTalkHeader(rawValue: 154)

    /// `header N`.
    public var description: String { "header \(rawValue)" }
}
