public import Foundation
public import KioskCore

/// A `VerifiedIdentity` on the wire: the resident reference in hex, exemption ids, the method and the
/// instant in UTC milliseconds.
public struct VerifiedIdentityWire: Sendable, Hashable, Codable {
    /// The resident reference, 64 hex digits.
    public var resident: String
    /// Exemption ids (`ExemptionKind.id`).
    public var exemptions: [String]
    /// `fingerprint` or `mobileID`.
    public var method: String
    /// When the back-end confirmed the identity, UTC milliseconds.
    public var verifiedAtUTCMilliseconds: Int64

    /// The wire form of `identity`.
    public init(_ identity: VerifiedIdentity) {
        resident = identity.resident.hex
        exemptions = identity.exemptions.map(\.id)
        method = identity.method.rawValue
        verifiedAtUTCMilliseconds = Int64((identity.verifiedAt.timeIntervalSince1970 * 1000).rounded())
    }

    /// The identity it carries, or `nil` if a field is not readable (bad reference, unknown exemption or method).
    public var identity: VerifiedIdentity? {
        guard let reference = ResidentReference(hex: resident), let method = VerifiedIdentity.Method(rawValue: method) else { return nil }
        var kinds: [ExemptionKind] = []
        for id in exemptions {
            guard let kind = ExemptionKind(id: id) else { return nil }
            kinds.append(kind)
        }
        return VerifiedIdentity(
            resident: reference, exemptions: kinds, method: method,
            verifiedAt: Date(timeIntervalSince1970: TimeInterval(verifiedAtUTCMilliseconds) / 1000))
    }
}
