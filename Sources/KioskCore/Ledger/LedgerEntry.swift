public import Foundation

/// One sealed, hash-chained ledger entry: a `LedgerRecord` with its gapless sequence number, a unique
/// entry id, the previous entry's hash and its own hash.
///
/// `entryHash = SHA-256(canonicalBytes)`, where the canonical bytes (see `LedgerEntry+Canonical.swift`)
/// cover the sequence number, the entry id, the previous hash and every field of the record. Changing any
/// stored byte of an entry changes its hash; changing its hash breaks the next entry's `previousHash`.
public struct LedgerEntry: Sendable, Hashable, Codable {
    /// The position in the ledger: 1 for the first entry, then +1 without gaps.
    public let sequence: Int64
    /// A unique id, stable across sync.
    public let entryID: UUID
    /// What the entry records.
    public let record: LedgerRecord
    /// The hash of entry `sequence - 1`, or `SHA256Hash.zero` for entry 1.
    public let previousHash: SHA256Hash
    /// SHA-256 over this entry's canonical bytes.
    public let entryHash: SHA256Hash

    /// Seals `record` as entry `sequence` after an entry whose hash is `previousHash`.
    public init(sealing record: LedgerRecord, sequence: Int64, entryID: UUID, previousHash: SHA256Hash) {
        self.sequence = sequence
        self.entryID = entryID
        self.record = record
        self.previousHash = previousHash
        self.entryHash = SHA256Hash.of(
            Self.canonicalBytes(record: record, sequence: sequence, entryID: entryID, previousHash: previousHash))
    }

    /// An entry as read from storage, with the hash that was stored; check it with `hashProblem`.
    public init(
        stored record: LedgerRecord, sequence: Int64, entryID: UUID, previousHash: SHA256Hash,
        entryHash: SHA256Hash
    ) {
        self.sequence = sequence
        self.entryID = entryID
        self.record = record
        self.previousHash = previousHash
        self.entryHash = entryHash
    }

    /// The hash this entry's content should have.
    public var computedHash: SHA256Hash {
        SHA256Hash.of(Self.canonicalBytes(record: record, sequence: sequence, entryID: entryID, previousHash: previousHash))
    }

    /// Checks this entry against the one before it (`nil` for entry 1): returns what is wrong, or `nil`.
    public func chainProblem(after previous: LedgerEntry?) -> LedgerChainProblem? {
        let expectedSequence = (previous?.sequence ?? 0) + 1
        if sequence != expectedSequence {
            return .sequenceGap(expected: expectedSequence, found: sequence)
        }
        let expectedPrevious = previous?.entryHash ?? .zero
        if previousHash != expectedPrevious {
            return .previousHashMismatch(sequence: sequence)
        }
        if computedHash != entryHash {
            return .contentHashMismatch(sequence: sequence)
        }
        return nil
    }
}
