internal import CCUPS

/// A printer URI taken apart: `ipp://host:port/resource` (or `ipps://`).
struct IPPPrinterURI: Sendable, Equatable {
    /// The URI as configured.
    var uri: String
    var scheme: String
    var host: String
    var port: Int
    /// The HTTP resource, e.g. `/ipp/print`.
    var resource: String

    /// Parses `uri`; throws when it is not an `ipp`/`ipps` URI with a host.
    init(_ uri: String) throws(IPPPrinterConfigurationError) {
        var scheme = [CChar](repeating: 0, count: 32)
        var user = [CChar](repeating: 0, count: 256)
        var host = [CChar](repeating: 0, count: 256)
        var resource = [CChar](repeating: 0, count: 1024)
        var port: Int32 = 0
        let status = httpSeparateURI(
            HTTP_URI_CODING_ALL, uri, &scheme, Int32(scheme.count), &user, Int32(user.count),
            &host, Int32(host.count), &port, &resource, Int32(resource.count))
        guard status.rawValue >= HTTP_URI_STATUS_OK.rawValue else {
            throw .invalidURI(uri, "not a URI libcups can parse")
        }
        let schemeString = Self.string(scheme)
        guard schemeString == "ipp" || schemeString == "ipps" else {
            throw .invalidURI(uri, "scheme must be ipp or ipps, not \(schemeString.isEmpty ? "empty" : schemeString)")
        }
        let hostString = Self.string(host)
        guard !hostString.isEmpty else { throw .invalidURI(uri, "no host") }
        self.uri = uri
        self.scheme = schemeString
        self.host = hostString
        self.port = Int(port)
        let resourceString = Self.string(resource)
        self.resource = resourceString.isEmpty ? "/" : resourceString
    }

    private static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
