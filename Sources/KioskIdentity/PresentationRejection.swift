public import Foundation
import KioskCore

/// Why the verifier refused a presentation. Every case names one check.
public enum PresentationRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// The token or one of its parts is not what the protocol expects; `reason` says which.
    case malformed(reason: String)
    /// `state` names no request this verifier issued.
    case unknownRequest
    /// The request (and its nonce) was already answered once: a replay.
    case nonceAlreadyUsed
    /// The request expired at the given instant, before the presentation arrived.
    case requestExpired(at: Date)
    /// The credential's issuer is not among the trusted issuers.
    case untrustedIssuer(String)
    /// The credential's signature does not verify with its issuer's key (wrong key or altered claims).
    case issuerSignatureInvalid
    /// The credential is not a `kr.mobile-id.resident` credential.
    case wrongCredentialType(String)
    /// The credential's validity starts after now.
    case credentialNotYetValid
    /// The credential expired at the given instant.
    case credentialExpired(at: Date)
    /// The key-binding signature does not verify with the holder key the credential names.
    case holderSignatureInvalid
    /// The holder signed another nonce than the request's.
    case nonceMismatch
    /// The holder signed for another verifier (`aud` ≠ `client_id`).
    case audienceMismatch
    /// The key-binding signature covers another credential.
    case credentialHashMismatch
    /// The holder's signature time is too far from now.
    case presentationStale

    /// A sentence naming the failed check.
    public var description: String {
        switch self {
        case .malformed(let reason): "malformed presentation: \(reason)"
        case .unknownRequest: "no such presentation request"
        case .nonceAlreadyUsed: "the request's nonce was already used (replay)"
        case .requestExpired(let at): "the presentation request expired at \(SeoulTime.format(at))"
        case .untrustedIssuer(let issuer): "the credential issuer \(issuer) is not trusted"
        case .issuerSignatureInvalid: "the issuer's signature on the credential does not verify"
        case .wrongCredentialType(let type): "the credential type \(type) is not a resident mobile ID"
        case .credentialNotYetValid: "the credential is not valid yet"
        case .credentialExpired(let at): "the credential expired at \(SeoulTime.format(at))"
        case .holderSignatureInvalid: "the holder's signature does not verify with the key bound in the credential"
        case .nonceMismatch: "the presentation is bound to another nonce"
        case .audienceMismatch: "the presentation is addressed to another verifier"
        case .credentialHashMismatch: "the holder's signature covers another credential"
        case .presentationStale: "the holder's signature time is too far from now"
        }
    }
}
