public import KioskCore

/// The result of walking the hash chain.
public struct LedgerVerification: Sendable, Hashable {
    /// The entries checked.
    public var checkedEntries: Int64
    /// The first sequence checked (1 for a whole-file check).
    public var firstSequence: Int64
    /// The last entry's sequence in the file (0 if empty).
    public var lastSequence: Int64
    /// The first bad entry, or `nil` if the chain is intact.
    public var problem: LedgerChainProblem?
    /// SQLite's `quick_check` answer when it was run and was not `ok`.
    public var storageProblem: String?

    /// Whether everything checked is intact.
    public var isIntact: Bool { problem == nil && storageProblem == nil }
}
