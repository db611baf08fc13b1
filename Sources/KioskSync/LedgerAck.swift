public import KioskCore

/// Central's answer to an accepted batch (and to `GET /v1/kiosks/{id}/ledger/head`): the last entry it
/// holds for the kiosk. The kiosk resumes after `ackedSequence`.
public struct LedgerAck: Sendable, Hashable, Codable {
    /// The kiosk.
    public var kioskID: String
    /// The highest sequence central holds for the kiosk (0 when it holds none).
    public var ackedSequence: Int64
    /// The hash of that entry (`SHA256Hash.zero` when central holds none).
    public var ackedHash: SHA256Hash
    /// How many entries of this request were newly stored (0 for a re-sent batch or a head query).
    public var stored: Int

    /// An acknowledgement.
    public init(kioskID: String, ackedSequence: Int64, ackedHash: SHA256Hash, stored: Int) {
        self.kioskID = kioskID
        self.ackedSequence = ackedSequence
        self.ackedHash = ackedHash
        self.stored = stored
    }
}
