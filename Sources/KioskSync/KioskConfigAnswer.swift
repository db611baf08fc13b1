/// Central's answer to `GET /v1/kiosks/{id}/config`: the kiosk's effective configuration document
/// (its own over its district's) and the versions it is made of.
public struct KioskConfigAnswer: Sendable, Hashable, Codable {
    /// The kiosk.
    public var kioskID: String
    /// Its district.
    public var district: String
    /// The effective version, `d<district version>-k<kiosk version>` (0 where none is stored); a kiosk
    /// reports it in heartbeats as `configVersion` once applied.
    public var version: String
    /// The district document's version (0: none).
    public var districtVersion: Int
    /// The kiosk document's version (0: none).
    public var kioskVersion: Int
    /// The effective document.
    public var config: KioskConfigDocument

    /// An answer.
    public init(kioskID: String, district: String, districtVersion: Int, kioskVersion: Int, config: KioskConfigDocument) {
        self.kioskID = kioskID
        self.district = district
        self.version = "d\(districtVersion)-k\(kioskVersion)"
        self.districtVersion = districtVersion
        self.kioskVersion = kioskVersion
        self.config = config
    }
}
