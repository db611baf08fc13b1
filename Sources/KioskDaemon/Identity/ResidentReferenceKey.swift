import Foundation
import KioskCore

/// The kiosk's own secret for the resident references it writes into the ledger: 32 random bytes in a
/// 0600 file in the state folder, made on first use. The ledger keys the back-end's reference with it, so
/// ledger references cannot be linked across kiosks or back to a person without both secrets.
struct ResidentReferenceKey: Sendable {
    /// Why the key file cannot be read or made.
    struct KeyError: Error, CustomStringConvertible {
        var description: String
    }

    private let secret: Data

    /// Reads the key at `path`, making it if it does not exist.
    init(path: String) throws(KeyError) {
        if let data = FileManager.default.contents(atPath: path) {
            guard data.count == 32 else { throw KeyError(description: "\(path): resident reference key is \(data.count) bytes, not 32") }
            secret = data
            return
        }
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let created = FileManager.default.createFile(atPath: path, contents: bytes, attributes: [.posixPermissions: 0o600])
        guard created else { throw KeyError(description: "\(path): cannot create the resident reference key") }
        secret = bytes
    }

    /// The ledger's reference for a resident the back-end identified as `backendReference`.
    func ledgerReference(for backendReference: ResidentReference) -> ResidentReference {
        ResidentReference(residentNumberDigits: backendReference.hex, secret: secret)
    }
}
