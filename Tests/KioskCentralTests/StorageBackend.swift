import Foundation
import KioskCentral
import KioskTestSupport

/// The storage backends the suite runs against.
enum StorageBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite

    var description: String { rawValue }

    /// A fresh, empty storage of this kind in `directory`.
    func make(in directory: TemporaryDirectory) throws -> any CentralStorage {
        switch self {
        case .sqlite: try SQLiteCentralStorage(path: directory.file("central.sqlite"))
        }
    }
}
