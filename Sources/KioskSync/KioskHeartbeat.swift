/// What a kiosk reports with each heartbeat (`POST /v1/kiosks/{id}/heartbeat`), signed over its raw
/// JSON body in the `Kiosk-Signature` header.
public struct KioskHeartbeat: Sendable, Hashable, Codable {
    /// The kiosk; must equal the `{id}` in the path.
    public var kioskID: String
    /// When the kiosk sent it, UTC milliseconds (central ignores heartbeats older than the last one).
    public var sentAtUTCMilliseconds: Int64
    /// The kiosk's last ledger sequence.
    public var lastSequence: Int64
    /// Entries the kiosk holds that central has not acknowledged.
    public var syncLag: Int64
    /// Each device's name and state (`online`, `offline`, `hardwareError`, …).
    public var devices: [DeviceReport]
    /// Paper level as the printer reports it (`ok`, `low`, `empty`, `unknown`), if known.
    public var paperLevel: String?
    /// Toner level (`ok`, `low`, `empty`, `unknown`), if known.
    public var tonerLevel: String?
    /// Cash held for change, in won, if known.
    public var cashWon: Int?
    /// The configuration version in use, if any.
    public var configVersion: String?
    /// Coins per payout denomination, if the cash module reports them (added later: optional, so
    /// older kiosks' heartbeats still decode).
    public var cashLevels: [CashLevelReport]?
    /// How full the cash box is (`ok`, `nearlyFull`, `full`, `unknown`), if reported.
    public var cashBoxLevel: String?
    /// Why the newest configuration central offered was refused (its version and the problems), if it
    /// was; the kiosk keeps running `configVersion` (added later: optional).
    public var configRefused: String?

    /// A heartbeat.
    public init(
        kioskID: String, sentAtUTCMilliseconds: Int64, lastSequence: Int64, syncLag: Int64,
        devices: [DeviceReport], paperLevel: String? = nil, tonerLevel: String? = nil, cashWon: Int? = nil,
        configVersion: String? = nil, cashLevels: [CashLevelReport]? = nil, cashBoxLevel: String? = nil,
        configRefused: String? = nil
    ) {
        self.configRefused = configRefused
        self.cashLevels = cashLevels
        self.cashBoxLevel = cashBoxLevel
        self.kioskID = kioskID
        self.sentAtUTCMilliseconds = sentAtUTCMilliseconds
        self.lastSequence = lastSequence
        self.syncLag = syncLag
        self.devices = devices
        self.paperLevel = paperLevel
        self.tonerLevel = tonerLevel
        self.cashWon = cashWon
        self.configVersion = configVersion
    }
}
