/// What is wrong with a ledger entry in its chain.
public enum LedgerChainProblem: Sendable, Hashable, CustomStringConvertible {
    /// The sequence numbers are not consecutive.
    case sequenceGap(expected: Int64, found: Int64)
    /// The entry does not name the previous entry's hash: an entry before it was altered or removed.
    case previousHashMismatch(sequence: Int64)
    /// The entry's content does not match its stored hash: the entry was altered.
    case contentHashMismatch(sequence: Int64)
    /// The entry's stored fields cannot be read back (a malformed id, number or hash): it was altered.
    case unreadable(sequence: Int64, reason: String)

    /// The sequence number of the first bad entry.
    public var sequence: Int64 {
        switch self {
        case .sequenceGap(_, let found): found
        case .previousHashMismatch(let sequence), .contentHashMismatch(let sequence), .unreadable(let sequence, _):
            sequence
        }
    }

    /// A sentence naming the entry and the problem.
    public var description: String {
        switch self {
        case .sequenceGap(let expected, let found):
            "entry \(found): sequence gap, expected entry \(expected)"
        case .previousHashMismatch(let sequence):
            "entry \(sequence): previous-hash does not match entry \(sequence - 1) (an earlier entry was altered or removed)"
        case .contentHashMismatch(let sequence):
            "entry \(sequence): content does not match its hash (the entry was altered)"
        case .unreadable(let sequence, let reason):
            "entry \(sequence): cannot be read back (\(reason)); the entry was altered"
        }
    }
}
