public import KioskCore

/// Why the ledger could not do what was asked. Every case except `invalidArgument` and `cancelled`
/// means the kiosk must stop taking money (report a hardwareError status with `description` as the reason). Entries appended
/// before the error stay in the file: a failed append changes nothing.
public enum LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The disk (or the configured size limit) is full: nothing more can be appended.
    case diskFull(path: String)
    /// The file or its directory is read-only: nothing can be appended.
    case readOnly(path: String)
    /// The file is not a ledger database or its pages are damaged.
    case corrupt(path: String, reason: String)
    /// The file cannot be opened (missing directory, permissions).
    case cannotOpen(path: String, reason: String)
    /// The hash chain is broken; the problem names the first bad entry.
    case chainBroken(path: String, problem: LedgerChainProblem)
    /// The database refused the write (an append-only trigger or a constraint): a programming error or
    /// tampering.
    case refused(path: String, reason: String)
    /// Any other SQLite or I/O failure (the SQLite result code and message).
    case storage(path: String, code: Int32, reason: String)
    /// The call itself was wrong (e.g. an empty batch); nothing was written. Money may still be taken.
    case invalidArgument(String)
    /// The calling task was cancelled (shutdown) before the write committed; nothing was written and the
    /// file is fine.
    case cancelled(path: String)

    /// Whether the kiosk must stop taking money.
    public var stopsTakingMoney: Bool {
        switch self {
        case .invalidArgument, .cancelled: false
        default: true
        }
    }

    /// A sentence naming the file and the problem.
    public var description: String {
        switch self {
        case .diskFull(let path): "ledger \(path): disk full, cannot append"
        case .readOnly(let path): "ledger \(path): file is read-only, cannot append"
        case .corrupt(let path, let reason): "ledger \(path): file is corrupt (\(reason))"
        case .cannotOpen(let path, let reason): "ledger \(path): cannot open (\(reason))"
        case .chainBroken(let path, let problem): "ledger \(path): hash chain broken at \(problem)"
        case .refused(let path, let reason): "ledger \(path): write refused (\(reason))"
        case .storage(let path, let code, let reason): "ledger \(path): SQLite error \(code) (\(reason))"
        case .invalidArgument(let message): "ledger: \(message)"
        case .cancelled(let path): "ledger \(path): append cancelled before it was written (shutting down)"
        }
    }
}
