/// Why a kiosk key cannot be read, written or parsed.
public enum KioskKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key file cannot be read (path, reason).
    case unreadable(path: String, reason: String)
    /// The key file may be read by group or others (path, octal mode): it must be 0600.
    case tooOpen(path: String, mode: String)
    /// The key file does not hold a base64 Ed25519 private key.
    case malformed(path: String)
    /// `keys init` refuses to overwrite an existing key.
    case exists(path: String)
    /// The key file cannot be written (path, reason).
    case unwritable(path: String, reason: String)
    /// A public key that is not base64 of 32 bytes.
    case malformedPublicKey(String)

    /// A sentence naming the file and the problem.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read the kiosk key \(path): \(reason)"
        case .tooOpen(let path, let mode): "the kiosk key \(path) has mode \(mode); it must be 0600 (chmod 600 \(path))"
        case .malformed(let path): "\(path) does not hold a base64 Ed25519 private key"
        case .exists(let path): "\(path) already exists; refusing to overwrite a kiosk key"
        case .unwritable(let path, let reason): "cannot write the kiosk key \(path): \(reason)"
        case .malformedPublicKey(let text): "public key \"\(text.prefix(60))\" is not base64 of 32 bytes (Ed25519)"
        }
    }
}
