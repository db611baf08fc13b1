public import KioskCore

/// The last entry central holds for a kiosk.
public struct CentralHead: Sendable, Hashable {
    /// Its sequence (0 when none).
    public var sequence: Int64
    /// Its hash (`SHA256Hash.zero` when none).
    public var hash: SHA256Hash

    /// A head.
    public init(sequence: Int64, hash: SHA256Hash) {
        self.sequence = sequence
        self.hash = hash
    }

    /// The head of an empty ledger.
    public static let empty = CentralHead(sequence: 0, hash: .zero)
}
