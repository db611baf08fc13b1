import Foundation
import GRDB

extension LedgerError {
    /// Maps an error thrown by GRDB/SQLite at the wall to a `LedgerError` naming `path`.
    static func from(_ error: any Error, path: String) -> LedgerError {
        if let ledgerError = error as? LedgerError { return ledgerError }
        if error is CancellationError { return .cancelled(path: path) }
        guard let databaseError = error as? DatabaseError else {
            return .storage(path: path, code: -1, reason: String(describing: error))
        }
        let reason = databaseError.message ?? "SQLite error \(databaseError.resultCode.rawValue)"
        switch databaseError.resultCode {
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(path: path, reason: reason)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            // An existing ledger that cannot be opened because it or its directory refuses writes
            // (SQLite needs the directory for the -wal and -shm files) is a read-only ledger.
            let files = FileManager.default
            let directory = (path as NSString).deletingLastPathComponent
            if files.fileExists(atPath: path)
                && (!files.isWritableFile(atPath: path) || !files.isWritableFile(atPath: directory.isEmpty ? "." : directory))
            {
                return .readOnly(path: path)
            }
            return .cannotOpen(path: path, reason: reason)
        case .SQLITE_CONSTRAINT: return .refused(path: path, reason: reason)
        default:
            // An I/O error writing the journal on a full disk can surface as SQLITE_IOERR with a
            // message naming the space problem.
            return .storage(path: path, code: databaseError.resultCode.rawValue, reason: reason)
        }
    }
}
