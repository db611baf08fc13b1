/// Why a JSON document could not be made.
public enum LedgerJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not JSON.
    case notJSON(String)
    /// The value could not be encoded (the encoder's message).
    case encodingFailed(String)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .notJSON(let text): "not a JSON document: \(text.prefix(80))"
        case .encodingFailed(let message): "cannot encode as JSON: \(message)"
        }
    }
}
