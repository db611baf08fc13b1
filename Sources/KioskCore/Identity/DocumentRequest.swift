public import Foundation

/// What the kiosk asks a document back-end for: the document's catalog code, the resident (for documents
/// that need identity) or the key the resident typed (parcel number, address) for those that do not, and
/// the chosen options.
public struct DocumentRequest: Sendable, Hashable {
    /// The catalog code, e.g. `RR-DEUNGBON`.
    public var code: String
    /// The verified resident; `nil` for documents issued without identity.
    public var identity: VerifiedIdentity?
    /// The lookup key for documents without identity (e.g. a parcel number `1111010100-1-0012-0003`).
    public var key: String?
    /// Option key → chosen value (e.g. `mask-rrn` → `yes`, `address-history` → `recent-5y`).
    public var options: [String: String]
    /// The instant of the request (availability windows are evaluated at it).
    public var at: Date

    /// A request.
    public init(code: String, identity: VerifiedIdentity?, key: String? = nil, options: [String: String] = [:], at: Date) {
        self.code = code
        self.identity = identity
        self.key = key
        self.options = options
        self.at = at
    }
}
