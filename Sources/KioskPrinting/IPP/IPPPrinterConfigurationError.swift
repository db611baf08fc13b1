/// A printer configuration the driver cannot use.
public enum IPPPrinterConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `uri` is not an `ipp://host[:port]/resource` or `ipps://…` URI; the second value says why.
    case invalidURI(String, String)
    /// A duration or count is out of range; names the key and the allowed range.
    case outOfRange(key: String, String)

    /// The message for the technician, naming the key or URI.
    public var description: String {
        switch self {
        case .invalidURI(let uri, let why): "printer uri \"\(uri)\" is invalid: \(why)"
        case .outOfRange(let key, let why): "printer \(key) is out of range: \(why)"
        }
    }
}
