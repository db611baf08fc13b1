/// Why bytes are not a valid ISO/IEC 19794-2 finger-minutiae record.
public enum TemplateDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer bytes than the record's structure needs.
    case truncated(needed: Int, available: Int)
    /// The record does not start with "FMR\0".
    case badMagic
    /// The version is not " 20\0" (ISO/IEC 19794-2:2005).
    case unsupportedVersion(String)
    /// The length field disagrees with the bytes given.
    case lengthMismatch(declared: Int, actual: Int)
    /// The record holds no finger view.
    case noFingerView
    /// A field has a value the standard does not allow.
    case invalidField(String)

    /// What is wrong, in words.
    public var description: String {
        switch self {
        case .truncated(let needed, let available): "template truncated: needs \(needed) bytes, has \(available)"
        case .badMagic: "not an ISO 19794-2 record: it does not start with \"FMR\""
        case .unsupportedVersion(let version): "unsupported ISO 19794-2 version \"\(version)\" (expected \" 20\")"
        case .lengthMismatch(let declared, let actual): "template length field says \(declared) bytes, record has \(actual)"
        case .noFingerView: "template holds no finger view"
        case .invalidField(let reason): "invalid template field: \(reason)"
        }
    }
}
