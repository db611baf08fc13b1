public import Foundation

/// Central's side of the mobile-ID path, as a value (time is a parameter): it remembers the requests it
/// issued and accepts at most one presentation per request. Checks, in order: the request exists, was not
/// used (its nonce is single-use: the request is spent by the first presentation that names it, accepted
/// or not) and has not expired; the credential's issuer is trusted and its signature verifies; the
/// credential is of the right type and valid now; the holder's key-binding signature verifies with the key
/// the credential binds, names this verifier, the request's nonce and this credential, and is recent.
public struct MobileIDVerifier: Sendable {
    /// This verifier's `client_id`.
    public let clientID: String
    /// Issuer id → the key its credentials must be signed with.
    public let trustedIssuers: [String: PublicKey]
    /// Largest difference between the holder's signing time and now, seconds.
    public let maximumClockSkew: TimeInterval

    private var outstanding: [String: PresentationRequest] = [:]
    private var spent: [String: Int] = [:]  // state → the request's expiry, kept until then

    /// A verifier named `clientID` trusting `trustedIssuers`.
    public init(clientID: String, trustedIssuers: [String: PublicKey], maximumClockSkew: TimeInterval = 300) {
        self.clientID = clientID
        self.trustedIssuers = trustedIssuers
        self.maximumClockSkew = maximumClockSkew
    }

    /// A new request for a kiosk to show, remembered until it is answered or pruned.
    public mutating func makeRequest(baseURI: String, now: Date, validFor: TimeInterval = 180) -> PresentationRequest {
        let request = PresentationRequest.make(clientID: clientID, baseURI: baseURI, now: now, validFor: validFor)
        outstanding[request.state] = request
        return request
    }

    /// Remembers a request made elsewhere (its `clientID` must be this verifier's).
    public mutating func register(_ request: PresentationRequest) {
        outstanding[request.state] = request
    }

    /// The outstanding request with `state`, if any (for serving `request_uri`).
    public func request(state: String) -> PresentationRequest? { outstanding[state] }

    /// Checks `response` at `now` and spends its request.
    /// - Throws: `PresentationRejection` naming the first failed check.
    public mutating func verify(_ response: PresentationResponse, at now: Date) throws(PresentationRejection) -> AcceptedPresentation {
        if spent[response.state] != nil { throw .nonceAlreadyUsed }
        guard let request = outstanding.removeValue(forKey: response.state) else { throw .unknownRequest }
        spent[response.state] = request.expiresAt
        let seconds = Int(now.timeIntervalSince1970.rounded(.down))
        guard seconds < request.expiresAt else {
            throw .requestExpired(at: Date(timeIntervalSince1970: TimeInterval(request.expiresAt)))
        }

        let parts = response.vpToken.split(separator: "~", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .malformed(reason: "vp_token must be credential~kb-jwt") }
        guard let credential = CompactJWS(parts[0], type: MobileIDCredentialFormat.credentialType) else {
            throw .malformed(reason: "the credential is not an EdDSA compact JWS of type kr-mid+jwt")
        }
        let claims: MobileIDClaims
        do {
            claims = try JSONDecoder().decode(MobileIDClaims.self, from: Data(credential.payload))
        } catch {
            throw .malformed(reason: "the credential claims cannot be read: \(error)")
        }
        guard let issuerKey = trustedIssuers[claims.issuer] else { throw .untrustedIssuer(claims.issuer) }
        guard credential.isSigned(by: issuerKey) else { throw .issuerSignatureInvalid }
        guard claims.type == MobileIDClaims.credentialType else { throw .wrongCredentialType(claims.type) }
        guard claims.issuedAt <= seconds + Int(maximumClockSkew) else { throw .credentialNotYetValid }
        guard seconds < claims.expiresAt else {
            throw .credentialExpired(at: Date(timeIntervalSince1970: TimeInterval(claims.expiresAt)))
        }

        guard let binding = CompactJWS(parts[1], type: MobileIDCredentialFormat.keyBindingType) else {
            throw .malformed(reason: "the key-binding JWT is not an EdDSA compact JWS of type kb+jwt")
        }
        let holderKey: PublicKey
        do { holderKey = try PublicKey(base64url: claims.holderKey) } catch {
            throw .malformed(reason: "cnf.jwk.x is not an Ed25519 key")
        }
        guard binding.isSigned(by: holderKey) else { throw .holderSignatureInvalid }
        let bound: KeyBindingClaims
        do {
            bound = try JSONDecoder().decode(KeyBindingClaims.self, from: Data(binding.payload))
        } catch {
            throw .malformed(reason: "the key-binding claims cannot be read: \(error)")
        }
        guard bound.aud == clientID, request.clientID == clientID else { throw .audienceMismatch }
        guard bound.nonce == request.nonce else { throw .nonceMismatch }
        guard bound.sd_hash == KeyBindingClaims.credentialHash(parts[0]) else { throw .credentialHashMismatch }
        guard abs(TimeInterval(bound.iat - seconds)) <= maximumClockSkew else { throw .presentationStale }
        return AcceptedPresentation(claims: claims, state: response.state, acceptedAt: now)
    }

    /// Forgets expired outstanding requests and spent states whose request has expired at `now`.
    public mutating func prune(at now: Date) {
        let seconds = Int(now.timeIntervalSince1970)
        outstanding = outstanding.filter { $0.value.expiresAt > seconds }
        spent = spent.filter { $0.value > seconds }
    }
}
