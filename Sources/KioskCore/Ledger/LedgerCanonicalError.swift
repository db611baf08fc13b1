/// Why bytes could not be read back as a ledger entry's canonical encoding.
public enum LedgerCanonicalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes do not start with a known layout's magic.
    case unknownLayout
    /// The bytes end inside the named field.
    case truncated(field: String)
    /// The named field holds a value no entry can have (its reason).
    case invalid(field: String, reason: String)
    /// Bytes are left after the last field.
    case trailingBytes(Int)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .unknownLayout: "not a canonical ledger entry (the magic is not KLE1)"
        case .truncated(let field): "canonical ledger entry ends inside \(field)"
        case .invalid(let field, let reason): "canonical ledger entry: \(field) \(reason)"
        case .trailingBytes(let count): "canonical ledger entry has \(count) bytes after its last field"
        }
    }
}
