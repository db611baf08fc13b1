public import KioskCore

/// One batch of ledger entries a kiosk pushes to central (`POST /v1/kiosks/{id}/ledger`).
///
/// The entries are consecutive (sequence `n+1`, `n+2`, …) and `previousHash` is the hash of entry `n`
/// (`SHA256Hash.zero` when the batch starts the ledger), so central can check that the batch continues
/// the chain it holds. `signature` is the kiosk's Ed25519 signature over `signedBytes`.
public struct LedgerBatch: Sendable, Hashable, Codable {
    /// The kiosk that wrote the entries; must equal the `{id}` in the path.
    public var kioskID: String
    /// The hash of the entry just before the first entry of the batch.
    public var previousHash: SHA256Hash
    /// The entries, consecutive, oldest first; at least one.
    public var entries: [LedgerEntry]
    /// Base64 Ed25519 signature over `signedBytes`.
    public var signature: String

    /// A batch with the given parts (see `KioskSigningKey.sign(_:)` to make a signed batch).
    public init(kioskID: String, previousHash: SHA256Hash, entries: [LedgerEntry], signature: String) {
        self.kioskID = kioskID
        self.previousHash = previousHash
        self.entries = entries
        self.signature = signature
    }

    /// The sequence of the first entry, or `nil` for an empty batch.
    public var firstSequence: Int64? { entries.first?.sequence }

    /// The sequence of the last entry, or `nil` for an empty batch.
    public var lastSequence: Int64? { entries.last?.sequence }

    /// The bytes the signature covers, version 1: magic `KSB1`, the kiosk id (UInt32 big-endian byte
    /// count + UTF-8), `previousHash` (32 bytes), the entry count (UInt32 big-endian), then for each entry
    /// its sequence (Int64 big-endian) and its `entryHash` (32 bytes). Each entry hash covers that
    /// entry's whole content, which central recomputes, so the signature covers every field.
    public static func signedBytes(kioskID: String, previousHash: SHA256Hash, entries: [LedgerEntry]) -> [UInt8] {
        var out: [UInt8] = Array("KSB1".utf8)
        out.reserveCapacity(48 + entries.count * 40)
        let id = Array(kioskID.utf8)
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: id.count).bigEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: id)
        out.append(contentsOf: previousHash.bytes)
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: entries.count).bigEndian) { out.append(contentsOf: $0) }
        for entry in entries {
            withUnsafeBytes(of: entry.sequence.bigEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: entry.entryHash.bytes)
        }
        return out
    }

    /// The bytes this batch's signature must cover.
    public var signedBytes: [UInt8] {
        Self.signedBytes(kioskID: kioskID, previousHash: previousHash, entries: entries)
    }
}
