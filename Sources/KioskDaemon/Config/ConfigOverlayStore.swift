import Foundation
import KioskSync

/// Keeps the applied overlay in the state folder (`central-config.json`, mode 0600) so a restart runs
/// the same version before the first session. Writes go to a temporary file that is synced and then
/// renamed over the old one, so a crash leaves either the old or the new document, never half of one.
struct ConfigOverlayStore: Sendable {
    /// The file.
    let path: String

    /// The store in `stateDirectory`.
    init(stateDirectory: String) {
        path = URL(fileURLWithPath: stateDirectory).appendingPathComponent("central-config.json").path
    }

    /// Why the stored overlay could not be read or written.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The stored overlay, or nil when none was ever applied.
    /// - Throws: `Failure` naming the file when it exists but cannot be read or decoded.
    func load() throws(Failure) -> ConfigOverlay? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try WireCoding.decoder().decode(ConfigOverlay.self, from: data)
        } catch {
            throw Failure(description: "\(path): not a stored configuration: \(error)")
        }
    }

    /// Replaces the stored overlay with `overlay`.
    /// - Throws: `Failure` naming the file when it cannot be written.
    func save(_ overlay: ConfigOverlay) throws(Failure) {
        let temporary = path + ".new"
        do {
            let data = try WireCoding.encoder().encode(overlay)
            _ = unlink(temporary)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw Failure(description: "\(temporary): cannot create: \(String(cString: strerror(errno)))") }
            let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            let synced = fsync(fd) == 0
            close(fd)
            guard written == data.count, synced else { throw Failure(description: "\(temporary): cannot write: \(String(cString: strerror(errno)))") }
            guard rename(temporary, path) == 0 else { throw Failure(description: "\(path): cannot replace: \(String(cString: strerror(errno)))") }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(path): cannot encode the configuration: \(error)")
        }
    }
}
