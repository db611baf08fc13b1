import Foundation
public import KioskDevices

/// The developer's escape hatch for seeing a capture: writes a PGM, only when explicitly asked for
/// and never in production mode. Nothing else in the kiosk writes fingerprint images.
public struct DebugImageDump: Sendable {
    /// Why a dump was refused or failed.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The kiosk runs in production mode, where images never touch the disk.
        case refusedInProduction
        /// The developer flag was not given.
        case notEnabled
        /// Writing the file failed.
        case writeFailed(path: String, reason: String)

        /// The refusal or failure in words.
        public var description: String {
            switch self {
            case .refusedInProduction: "refusing to save a fingerprint image: the kiosk is in production mode"
            case .notEnabled: "saving fingerprint images needs the explicit developer flag"
            case .writeFailed(let path, let reason): "could not write \(path): \(reason)"
            }
        }
    }

    /// Whether the developer flag was given.
    public let enabled: Bool
    /// Whether the kiosk is in production mode.
    public let production: Bool

    /// A dump policy; `enabled` is the explicit developer flag, `production` the configuration's mode.
    public init(enabled: Bool, production: Bool) {
        self.enabled = enabled
        self.production = production
    }

    /// Checks the policy before any capture starts.
    /// - Throws: `Failure.refusedInProduction` or `.notEnabled`.
    public func authorise() throws(Failure) {
        guard !production else { throw .refusedInProduction }
        guard enabled else { throw .notEnabled }
    }

    /// Writes `image` as a binary PGM at `path` (mode 0600).
    /// - Throws: `Failure` when refused or when the write fails.
    public func write(_ image: GrayImage, to path: String) throws(Failure) {
        try authorise()
        var bytes = PGM.encode(image)
        defer { bytes.withUnsafeMutableBufferPointer { for index in $0.indices { $0[index] = 0 } } }
        let url = URL(fileURLWithPath: path)
        do {
            try Data(bytes).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch {
            throw .writeFailed(path: path, reason: error.localizedDescription)
        }
    }
}
