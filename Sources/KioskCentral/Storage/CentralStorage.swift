public import KioskCore

/// Where kiosk-central keeps kiosks, their ledgers, heartbeats and flags. Two implementations:
/// `SQLiteCentralStorage` (default) and, when built, a PostgreSQL one; the same test suite runs on both.
///
/// Contract: `append` is atomic (all entries or none) and refuses with `.headMoved` if the kiosk's head
/// is not `expectedHead` any more, so two concurrent ingests of one kiosk cannot interleave.
public protocol CentralStorage: CentralIdentityStorage, Sendable {
    /// Adds a kiosk to the registry. Throws `.duplicateKiosk` if the id is taken.
    func addKiosk(_ kiosk: CentralKiosk) async throws(CentralStorageError)
    /// The kiosk with this id, or `nil`.
    func kiosk(id: String) async throws(CentralStorageError) -> CentralKiosk?
    /// Every registered kiosk, by id.
    func kiosks() async throws(CentralStorageError) -> [CentralKiosk]
    /// The last entry central holds for the kiosk (sequence 0 and the zero hash when none).
    func head(kioskID: String) async throws(CentralStorageError) -> CentralHead
    /// The stored hashes of the kiosk's entries with sequence in `range`, by sequence.
    func entryHashes(kioskID: String, range: ClosedRange<Int64>) async throws(CentralStorageError) -> [Int64: SHA256Hash]
    /// Stores the entries of `rows` (consecutive, continuing `expectedHead`, at least one) in one
    /// transaction; the last row becomes the kiosk's head.
    /// Throws `.headMoved` if the head is not `expectedHead`, leaving nothing stored.
    func append(kioskID: String, rows: [CentralEntryRow], expectedHead: Int64) async throws(CentralStorageError)
    /// Flags the kiosk as tampered with `reason` (kept until cleared by an operator).
    func flagTampered(kioskID: String, reason: String, atUTCMilliseconds: Int64) async throws(CentralStorageError)
    /// Every entry of the issuance that carries `number`, oldest first, with its kiosk id (empty if unknown).
    func issuanceEntries(number: IssuanceNumber) async throws(CentralStorageError) -> [LedgerEntry]
    /// Records a heartbeat (its JSON text); older ones than the stored one are ignored.
    func recordHeartbeat(kioskID: String, sentAtUTCMilliseconds: Int64, receivedAtUTCMilliseconds: Int64, json: String)
        async throws(CentralStorageError)
    /// The last heartbeat of each kiosk that sent one.
    func heartbeats() async throws(CentralStorageError) -> [String: CentralHeartbeatRecord]
    /// Counts and sums of money-relevant entries made in `[from, to)` UTC milliseconds, per kiosk,
    /// document and kind.
    func dailyTotals(fromUTCMilliseconds from: Int64, toUTCMilliseconds to: Int64)
        async throws(CentralStorageError) -> [CentralKindTotal]
    /// The number of entries stored for all kiosks.
    func entryCount() async throws(CentralStorageError) -> Int64
    /// Every entry of `kind` made in `[from, to)` UTC milliseconds, by kiosk then sequence (e.g. the
    /// residents' feedback for the daily report).
    func entries(kind: String, fromUTCMilliseconds from: Int64, toUTCMilliseconds to: Int64) async throws(CentralStorageError) -> [LedgerEntry]
    /// Stores `json` as the next version of the configuration document for `scope`/`target`; answers
    /// that version (1 for the first). Earlier versions are kept.
    func putConfig(scope: ConfigScope, target: String, json: String, atUTCMilliseconds: Int64) async throws(CentralStorageError) -> Int
    /// The newest configuration document for `scope`/`target`, or `nil` if none was stored.
    func latestConfig(scope: ConfigScope, target: String) async throws(CentralStorageError) -> StoredConfig?
}

extension CentralStorage {
    /// Stores `entries` (consecutive, continuing `expectedHead`) in one transaction; see
    /// `append(kioskID:rows:expectedHead:)`.
    public func append(kioskID: String, entries: [LedgerEntry], expectedHead: Int64) async throws(CentralStorageError) {
        guard !entries.isEmpty else { return }
        try await append(kioskID: kioskID, rows: entries.map(CentralEntryRow.init), expectedHead: expectedHead)
    }
}
