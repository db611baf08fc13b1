/// The SQLite settings of the ledger's writer connection, read back from SQLite itself.
public struct LedgerDurability: Sendable, Hashable {
    /// `PRAGMA journal_mode` (expected `wal`).
    public var journalMode: String
    /// `PRAGMA synchronous` (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA; expected 2).
    public var synchronous: Int
    /// `PRAGMA foreign_keys` (expected true).
    public var foreignKeys: Bool
    /// `PRAGMA max_page_count` of the writer.
    public var maximumPageCount: Int
}
