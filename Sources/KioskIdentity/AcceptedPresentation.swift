public import Foundation
public import KioskCore

/// A presentation the verifier accepted: the credential's claims and the request it answered.
public struct AcceptedPresentation: Sendable, Hashable {
    /// The verified claims.
    public var claims: MobileIDClaims
    /// The request's `state` (the kiosk session waiting on it).
    public var state: String
    /// When it was accepted.
    public var acceptedAt: Date

    /// The holder's resident registration number, validated by the RRN rules.
    /// - Throws: `ResidentNumberError` if the issuer put an invalid number in the credential.
    public func residentNumber() throws(ResidentNumberError) -> ResidentNumber {
        try ResidentNumber(claims.residentNumber)
    }

    /// The verified identity this presentation proves, with the reference keyed under the identity
    /// back-end's `secret` and the `exemptions` the back-end holds for that resident.
    /// - Throws: `ResidentNumberError` if the credential's number is invalid.
    public func identity(secret: Data, exemptions: [ExemptionKind]) throws(ResidentNumberError) -> VerifiedIdentity {
        var number = try residentNumber()
        defer { number.wipe() }
        return VerifiedIdentity(
            resident: ResidentReference(residentNumberDigits: number.unmaskedDigits, secret: secret),
            exemptions: exemptions, method: .mobileID, verifiedAt: acceptedAt)
    }
}
