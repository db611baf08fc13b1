/// Why a storage operation failed.
public enum CentralStorageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A kiosk with this id is already registered.
    case duplicateKiosk(String)
    /// No kiosk with this id is registered.
    case unknownKiosk(String)
    /// The kiosk's head moved while a batch was being checked (expected, found).
    case headMoved(expected: Int64, found: Int64)
    /// The database failed (what, the driver's message).
    case database(String)
    /// Stored data cannot be read back.
    case corrupt(String)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .duplicateKiosk(let id): "kiosk \(id) is already registered"
        case .unknownKiosk(let id): "no kiosk \(id) is registered"
        case .headMoved(let expected, let found): "the kiosk's ledger head moved from \(expected) to \(found) during ingest"
        case .database(let message): "database error: \(message)"
        case .corrupt(let message): "stored data cannot be read: \(message)"
        }
    }
}
