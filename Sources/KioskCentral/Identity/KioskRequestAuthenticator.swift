import HTTPTypes
import Hummingbird
import KioskSync

/// Checks `SignedRequest` headers: the kiosk is registered and not flagged, the signature verifies with its
/// key over method, path, timestamp, nonce and body, the timestamp is within ±`SignedRequest.maximumSkewSeconds`
/// of central's clock, and the nonce was not seen before (nonces are remembered for twice the skew, after
/// which the timestamp check refuses the request anyway). Replay protection is per process: a restart
/// forgets nonces, leaving a replay window of at most the skew for requests captured just before it.
actor KioskRequestAuthenticator {
    private let storage: any CentralStorage
    private var seen: [String: Int64] = [:]  // kiosk id + nonce → when it may be forgotten, UTC ms
    private var lastPrune: Int64 = 0

    init(storage: any CentralStorage) { self.storage = storage }

    /// The kiosk id when the request is authentic, otherwise the refusal.
    func authenticate(method: String, path: String, headers: HTTPFields, body: [UInt8], nowUTCMilliseconds now: Int64)
        async -> Result<String, ProblemResponse>
    {
        func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
        guard let kioskID = header(SignedRequest.kioskHeader), let stamp = header(SignedRequest.timestampHeader),
              let nonce = header(SignedRequest.nonceHeader), let signature = header(SignedRequest.signatureHeader)
        else {
            return .failure(ProblemResponse(401, "missing-signature",
                "the request needs the headers \(SignedRequest.kioskHeader), \(SignedRequest.timestampHeader), \(SignedRequest.nonceHeader) and \(SignedRequest.signatureHeader)"))
        }
        guard let timestamp = Int64(stamp) else {
            return .failure(ProblemResponse(401, "bad-timestamp", "\(SignedRequest.timestampHeader) must be UTC milliseconds, got \"\(stamp)\""))
        }
        guard nonce.utf8.count >= 16, nonce.utf8.count <= 128 else {
            return .failure(ProblemResponse(401, "bad-nonce", "\(SignedRequest.nonceHeader) must be 16 to 128 characters"))
        }
        let kiosk: CentralKiosk?
        do { kiosk = try await storage.kiosk(id: kioskID) } catch {
            return .failure(ProblemResponse(503, "storage-unavailable", error.description))
        }
        guard let kiosk else { return .failure(ProblemResponse(401, "unknown-kiosk", "no kiosk \(kioskID) is registered")) }
        let signed = SignedRequest.signedBytes(method: method, path: path, kioskID: kioskID, timestamp: timestamp, nonce: nonce, body: body)
        guard let key = try? KioskPublicKey(base64: kiosk.publicKey), key.isValidSignature(signature, for: signed) else {
            return .failure(ProblemResponse(403, "bad-signature", "the request signature does not verify with kiosk \(kioskID)'s registered key"))
        }
        if let reason = kiosk.tamperedReason {
            return .failure(ProblemResponse(403, "kiosk-tampered", "kiosk \(kioskID) is flagged as tampered (\(reason)); an operator must investigate"))
        }
        let skew = SignedRequest.maximumSkewSeconds * 1000
        guard abs(now - timestamp) <= skew else {
            return .failure(ProblemResponse(401, "stale-request",
                "the request was signed \((now - timestamp) / 1000) s from central's clock; at most \(SignedRequest.maximumSkewSeconds) s are accepted"))
        }
        if now - lastPrune > skew {
            seen = seen.filter { $0.value > now }
            lastPrune = now
        }
        let token = kioskID + "\n" + nonce
        guard seen[token] == nil else {
            return .failure(ProblemResponse(409, "replayed-request", "this request's nonce was already used: a replay"))
        }
        seen[token] = timestamp + 2 * skew
        return .success(kioskID)
    }
}
