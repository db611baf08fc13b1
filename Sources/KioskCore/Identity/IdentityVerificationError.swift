/// Why a verification attempt could not be evaluated at all (as opposed to a verdict).
public enum IdentityVerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template is not a readable ISO/IEC 19794-2 record; `reason` says what is wrong.
    case malformedTemplate(reason: String)
    /// The identity back-end cannot be reached or failed; `reason` says how.
    case backendUnavailable(reason: String)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .malformedTemplate(let reason): "the fingerprint template is not a valid ISO 19794-2 record: \(reason)"
        case .backendUnavailable(let reason): "the identity back-end is unavailable: \(reason)"
        }
    }
}
