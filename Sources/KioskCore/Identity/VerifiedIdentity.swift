public import Foundation

/// A resident whose identity a back-end has confirmed, as the rest of the session sees it: no RRN, no
/// name, no biometrics — a keyed reference the back-end can resolve again, the exemption statuses the fee
/// rules use, and how the identity was proven. Both paths (fingerprint and mobile ID) end in this value.
public struct VerifiedIdentity: Sendable, Hashable, Codable {
    /// How the resident proved who they are.
    public enum Method: String, Sendable, Hashable, Codable {
        /// RRN on the keypad and the right thumb, matched 1:1 by the identity back-end.
        case fingerprint
        /// A signed presentation from a mobile-ID wallet (the QR fallback).
        case mobileID
    }

    /// The keyed hash (HMAC-SHA256) of the RRN under the identity back-end's secret; the document
    /// back-end resolves it to the person, the kiosk cannot.
    public var resident: ResidentReference
    /// Fee exemptions the back-end confirmed for this resident, in `ExemptionKind.all` order.
    public var exemptions: [ExemptionKind]
    /// How the identity was proven.
    public var method: Method
    /// When the back-end confirmed it.
    public var verifiedAt: Date

    /// A verified identity; `exemptions` are put in `ExemptionKind.all` order without duplicates.
    public init(resident: ResidentReference, exemptions: [ExemptionKind], method: Method, verifiedAt: Date) {
        self.resident = resident
        self.exemptions = ExemptionKind.all.filter(exemptions.contains)
        self.method = method
        self.verifiedAt = verifiedAt
    }
}
