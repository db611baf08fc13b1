import Foundation
import KioskCore
import KioskIdentity
import KioskRegistry
import KioskSync
import Logging

/// Central's identity, document and mobile-ID state: the synthetic registry rebuilt from storage (or none),
/// one verifier with one brute-force limiter for every kiosk (rebuilt at start from the stored audit, so a
/// restart does not reset lock-outs), the mobile-ID verifier and its requests' outcomes, and the agencies'
/// hours. Every verification attempt is stored before its verdict is answered.
actor CentralIdentityService {
    private struct MobileIDSession {
        var kioskID: String
        var expiresAt: Date
        var outcome: MobileIDOutcome
    }

    private let storage: any CentralStorage
    private let configuration: CentralIdentityConfiguration
    private let logger: Logger
    private let registry: CentralRegistry?
    private let verifier: RegistryVerifier?
    private let hours: [String: OpeningHours]
    private var mobile: MobileIDVerifier
    private var sessions: [String: MobileIDSession] = [:]
    /// Kiosk id + resident reference → until when documents may be fetched for it (in memory: a restart
    /// asks residents in the middle of a session to verify again).
    private var verifiedAtKiosk: [String: Date] = [:]

    /// How long after a verification its kiosk may fetch that resident's documents, seconds.
    static let identityValiditySeconds: TimeInterval = 30 * 60

    private init(storage: any CentralStorage, configuration: CentralIdentityConfiguration, logger: Logger, registry: CentralRegistry?,
                 verifier: RegistryVerifier?, hours: [String: OpeningHours], mobile: MobileIDVerifier) {
        self.storage = storage
        self.configuration = configuration
        self.logger = logger
        self.registry = registry
        self.verifier = verifier
        self.hours = hours
        self.mobile = mobile
    }

    /// Builds the service from `configuration` and what `storage` holds.
    /// - Throws: `CentralIdentityConfigurationError` naming a bad issuer key or hours rule; `CentralStorageError`.
    static func load(storage: any CentralStorage, configuration: CentralIdentityConfiguration, logger: Logger, now: Date) async throws
        -> CentralIdentityService
    {
        let (issuers, hours) = try validate(configuration)
        var registry: CentralRegistry?
        var verifier: RegistryVerifier?
        if let parameters = try await storage.registryParameters() {
            let loaded = try CentralRegistry(parameters: parameters)
            var limiter = FailedAttemptLimiter(
                maximumFailures: configuration.maximumFailures, window: configuration.failureWindowSeconds, coolDown: configuration.lockoutSeconds)
            let since = now.addingTimeInterval(-(configuration.failureWindowSeconds + configuration.lockoutSeconds))
            for record in try await storage.verificationAttempts(sinceUTCMilliseconds: Self.milliseconds(since)) {
                guard let reference = ResidentReference(hex: record.residentReference) else { continue }
                let at = Date(timeIntervalSince1970: TimeInterval(record.atUTCMilliseconds) / 1000)
                switch record.result {
                case "verified": limiter.recordSuccess(of: reference)
                case "not-matched": limiter.recordFailure(of: reference, at: at)
                case "locked-out" where record.score != nil: limiter.recordFailure(of: reference, at: at)  // the failure that locked
                default: break
                }
            }
            registry = loaded
            verifier = RegistryVerifier(registry: loaded.registry, secret: loaded.secret, limiter: limiter, retainsAttempts: false)
            logger.notice("synthetic registry loaded: seed \(parameters.seed), \(loaded.registry.residents.count) residents, \(loaded.registry.enrolments.count) enrolled thumbs")
        } else {
            logger.warning("no synthetic registry is seeded: identity, document and mobile-ID requests answer 503 (run `kiosk-central registry seed`)")
        }
        return CentralIdentityService(
            storage: storage, configuration: configuration, logger: logger, registry: registry, verifier: verifier, hours: hours,
            mobile: MobileIDVerifier(clientID: configuration.clientID, trustedIssuers: issuers))
    }

    /// The trusted issuers' keys and the agencies' hours `configuration` names.
    /// - Throws: `CentralIdentityConfigurationError` naming a bad issuer key or hours rule.
    static func validate(_ configuration: CentralIdentityConfiguration) throws(CentralIdentityConfigurationError)
        -> (issuers: [String: PublicKey], hours: [String: OpeningHours])
    {
        var issuers: [String: PublicKey] = [:]
        for (id, key) in configuration.trustedIssuers {
            do { issuers[id] = try PublicKey(base64url: key) } catch {
                throw CentralIdentityConfigurationError(description: "trusted issuer \(id): \(error.reason)")
            }
        }
        var hours: [String: OpeningHours] = [:]
        for (agency, rule) in configuration.agencyHours {
            do { hours[agency] = try OpeningHours(parsing: rule) } catch {
                throw CentralIdentityConfigurationError(description: "hours of agency \(agency) \"\(rule)\": \(error)")
            }
        }
        return (issuers, hours)
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    private static let notSeeded = ProblemResponse(
        503, "registry-not-seeded", "central has no registry: run `kiosk-central registry seed --residents N` and restart it")

    // MARK: fingerprint

    /// The verdict for `body` from `kioskID` (already authenticated), evaluated and audited at `now`.
    func verify(_ body: IdentityVerifyBody, kioskID: String, now: Date) async -> Result<IdentityVerifyAnswer, ProblemResponse> {
        guard let verifier else { return .failure(Self.notSeeded) }
        guard body.kioskID == kioskID else {
            return .failure(ProblemResponse(403, "kiosk-mismatch", "the body names kiosk \(body.kioskID) but kiosk \(kioskID) signed it"))
        }
        var number: ResidentNumber
        do { number = try ResidentNumber(body.residentNumber) } catch {
            return .failure(ProblemResponse(400, "bad-resident-number", error.description))
        }
        guard var template = Data(base64Encoded: body.template).map(Array.init), !template.isEmpty else {
            number.wipe()
            return .failure(ProblemResponse(400, "malformed-template", "template must be a non-empty base64 ISO/IEC 19794-2 record"))
        }
        guard (0...100).contains(body.quality) else {
            number.wipe()
            return .failure(ProblemResponse(400, "bad-quality", "quality must be 0–100, got \(body.quality)"))
        }
        // The limiter runs on central's clock: a kiosk's own clock cannot move an attempt out of the window.
        var request = IdentityVerificationRequest(kioskID: kioskID, residentNumber: number, template: template, quality: body.quality, at: now)
        number.wipe()
        for index in template.indices { template[index] = 0 }
        defer { request.wipe() }
        let verdict: IdentityVerdict
        let attempt: VerificationAttempt
        do throws(IdentityVerificationError) {
            (verdict, attempt) = try await verifier.verifyAudited(request)
        } catch {
            // Not evaluated and not counted by the limiter, but audited like every attempt.
            let reference = registry.map { ResidentReference(residentNumberDigits: request.residentNumber.unmaskedDigits, secret: $0.secret) }
            if let reference {
                do throws(CentralStorageError) {
                    try await storage.recordVerificationAttempt(CentralVerificationRecord(
                        kioskID: kioskID, residentReference: reference.hex, result: "malformed-template", quality: body.quality, score: nil,
                        atUTCMilliseconds: Self.milliseconds(now)))
                } catch {
                    logger.error("cannot audit a verification attempt: \(error)")
                }
            }
            return .failure(ProblemResponse(400, "malformed-template", error.description))
        }
        let record = CentralVerificationRecord(
            kioskID: kioskID, residentReference: attempt.resident.hex, result: Self.result(attempt.outcome), quality: attempt.quality,
            score: attempt.score, atUTCMilliseconds: Self.milliseconds(attempt.at))
        do throws(CentralStorageError) {
            try await storage.recordVerificationAttempt(record)
        } catch {
            logger.error("cannot audit a verification attempt: \(error)")
            return .failure(ProblemResponse(503, "storage-unavailable", "the attempt could not be audited: \(error.description)"))
        }
        logger.info("identity attempt", metadata: ["kiosk.id": "\(kioskID)", "kiosk.identity.result": "\(record.result)", "kiosk.identity.quality": "\(record.quality)"])
        switch verdict {
        case .verified(let identity):
            remember(identity, kioskID: kioskID, now: now)
            return .success(IdentityVerifyAnswer(result: "verified", identity: VerifiedIdentityWire(identity)))
        case .notMatched(let remaining):
            return .success(IdentityVerifyAnswer(result: "not-matched", remainingAttempts: remaining))
        case .notEnrolled:
            return .success(IdentityVerifyAnswer(result: "not-enrolled"))
        case .lockedOut(let until):
            return .success(IdentityVerifyAnswer(result: "locked-out", lockedUntilUTCMilliseconds: Self.milliseconds(until)))
        }
    }

    /// Lets `kioskID` fetch documents of `identity` for `identityValiditySeconds` from `now`.
    private func remember(_ identity: VerifiedIdentity, kioskID: String, now: Date) {
        if verifiedAtKiosk.count > 10_000 { verifiedAtKiosk = verifiedAtKiosk.filter { $0.value > now } }
        verifiedAtKiosk[kioskID + "\n" + identity.resident.hex] = now.addingTimeInterval(Self.identityValiditySeconds)
    }

    static func result(_ outcome: VerificationAttempt.Outcome) -> String {
        switch outcome {
        case .verified: "verified"
        case .notMatched: "not-matched"
        case .notEnrolled: "not-enrolled"
        case .lockedOut: "locked-out"
        }
    }

    // MARK: documents and agencies

    /// Every agency's state at `now`.
    func agencies(now: Date) async throws(CentralStorageError) -> [AgencyStatus] {
        let down = try await storage.agenciesDown()
        var codes: [String: [String]] = [:]
        for (code, agency) in CentralRegistry.agencies { codes[agency, default: []].append(code) }
        for agency in Set(hours.keys).union(down.keys) where codes[agency] == nil { codes[agency] = [] }
        return codes.keys.sorted().map { agency in
            let rule = hours[agency] ?? .alwaysOpen
            let documents = (codes[agency] ?? []).sorted()
            if let switched = down[agency] {
                return AgencyStatus(agency: agency, state: "down", hours: rule.source, reason: switched.reason, documents: documents)
            }
            if !rule.isOpen(at: now, calendar: .korean) {
                return AgencyStatus(
                    agency: agency, state: "closed", hours: rule.source,
                    closedUntilUTCMilliseconds: rule.nextChange(after: now, calendar: .korean).map(Self.milliseconds), documents: documents)
            }
            return AgencyStatus(agency: agency, state: "open", hours: rule.source, documents: documents)
        }
    }

    /// The content of document `code` for `body` from `kioskID` at `now`, or the status and problem to answer.
    func document(code: String, body: DocumentFetchBody, kioskID: String, now: Date) async -> Result<DocumentContent, DocumentRefusal> {
        guard let registry else { return .failure(DocumentRefusal(503, DocumentProblem(error: Self.notSeeded.problem.error, reason: Self.notSeeded.problem.reason))) }
        guard body.kioskID == kioskID else {
            return .failure(DocumentRefusal(403, DocumentProblem(error: "kiosk-mismatch", reason: "the body names kiosk \(body.kioskID) but kiosk \(kioskID) signed it")))
        }
        guard let agency = CentralRegistry.agencies[code] else {
            return .failure(DocumentRefusal(404, DocumentProblem(error: "not-found", reason: "document \(code) is not served by central's registry")))
        }
        let statuses: [AgencyStatus]
        do { statuses = try await agencies(now: now) } catch {
            return .failure(DocumentRefusal(503, DocumentProblem(error: "storage-unavailable", reason: error.description)))
        }
        if let status = statuses.first(where: { $0.agency == agency }) {
            if status.state == "down" {
                return .failure(DocumentRefusal(503, DocumentProblem(
                    error: "agency-down", reason: "the \(agency) back-end is down: \(status.reason ?? "no reason given")", agency: agency)))
            }
            if status.state == "closed" {
                let reopens = status.closedUntilUTCMilliseconds.map { ", it reopens at " + SeoulTime.format(Date(timeIntervalSince1970: TimeInterval($0) / 1000)) } ?? ""
                return .failure(DocumentRefusal(503, DocumentProblem(
                    error: "agency-closed", reason: "the \(agency) back-end is outside its service hours (\(status.hours))\(reopens)",
                    agency: agency, reopensAtUTCMilliseconds: status.closedUntilUTCMilliseconds)))
            }
        }
        var identity: VerifiedIdentity?
        if let wire = body.identity {
            guard let decoded = wire.identity else {
                return .failure(DocumentRefusal(400, DocumentProblem(error: "bad-identity", reason: "identity is not readable (reference, exemptions or method)")))
            }
            // Only an identity central itself verified for this kiosk, recently, opens a resident's records.
            guard let until = verifiedAtKiosk[kioskID + "\n" + decoded.resident.hex], now < until else {
                return .failure(DocumentRefusal(404, DocumentProblem(
                    error: "not-found",
                    reason: "not found: no verification of this resident at kiosk \(kioskID) within the last \(Int(Self.identityValiditySeconds / 60)) minutes")))
            }
            identity = decoded
        }
        let request = DocumentRequest(code: code, identity: identity, key: body.key, options: body.options, at: now)
        do throws(DocumentUnavailable) {
            return .success(try await registry.documents.content(for: request))
        } catch {
            switch error {
            case .notFound(let what): return .failure(DocumentRefusal(404, DocumentProblem(error: "not-found", reason: "not found: \(what)")))
            case .backendDown(let agency, let reason): return .failure(DocumentRefusal(503, DocumentProblem(error: "agency-down", reason: reason, agency: agency)))
            case .backendClosed(let agency, let reopens):
                return .failure(DocumentRefusal(503, DocumentProblem(
                    error: "agency-closed", reason: error.description, agency: agency, reopensAtUTCMilliseconds: reopens.map(Self.milliseconds))))
            }
        }
    }

    // MARK: mobile ID

    /// A new presentation request for `kioskID`, served under `baseURL`.
    func startMobileID(kioskID: String, body: MobileIDStartBody, baseURL: String, now: Date) -> Result<MobileIDChallengeAnswer, ProblemResponse> {
        guard registry != nil else { return .failure(Self.notSeeded) }
        guard body.kioskID == kioskID else {
            return .failure(ProblemResponse(403, "kiosk-mismatch", "the body names kiosk \(body.kioskID) but kiosk \(kioskID) signed it"))
        }
        prune(now: now)
        let base = (configuration.publicURL ?? baseURL).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let request = mobile.makeRequest(baseURI: base + "/v1/mobile-id", now: now, validFor: configuration.mobileIDValiditySeconds)
        let expires = Date(timeIntervalSince1970: TimeInterval(request.expiresAt))
        sessions[request.state] = MobileIDSession(kioskID: kioskID, expiresAt: expires, outcome: .pending)
        return .success(MobileIDChallengeAnswer(
            id: request.state, qrText: request.qrURI, requestURI: request.requestURI, expiresAtUTCMilliseconds: Self.milliseconds(expires)))
    }

    /// The request object of `state` while it can be answered.
    func requestObject(state: String, now: Date) -> PresentationRequest? {
        guard let request = mobile.request(state: state), now < Date(timeIntervalSince1970: TimeInterval(request.expiresAt)) else { return nil }
        return request
    }

    /// Checks a wallet's presentation and records the outcome of its request.
    func present(_ response: PresentationResponse, now: Date) -> Result<String, ProblemResponse> {
        guard let registry else { return .failure(Self.notSeeded) }
        let accepted: AcceptedPresentation
        do throws(PresentationRejection) {
            accepted = try mobile.verify(response, at: now)
        } catch {
            if case .nonceAlreadyUsed = error {
                return .failure(ProblemResponse(409, "nonce-replayed", error.description))
            }
            if case .unknownRequest = error {
                return .failure(ProblemResponse(404, "unknown-request", error.description))
            }
            if case .requestExpired = error {
                if sessions[response.state]?.outcome == .pending { sessions[response.state]?.outcome = .expired }
                return .failure(ProblemResponse(410, "request-expired", error.description))
            }
            if sessions[response.state]?.outcome == .pending { sessions[response.state]?.outcome = .rejected(reason: error.description) }
            logger.warning("mobile-ID presentation refused: \(error)")
            return .failure(ProblemResponse(400, "presentation-rejected", error.description))
        }
        var number: ResidentNumber
        do { number = try ResidentNumber(accepted.claims.residentNumber) } catch {
            let reason = "the credential's resident number is not valid: \(error)"
            sessions[response.state]?.outcome = .rejected(reason: reason)
            return .failure(ProblemResponse(400, "presentation-rejected", reason))
        }
        defer { number.wipe() }
        let reference = ResidentReference(residentNumberDigits: number.unmaskedDigits, secret: registry.secret)
        let exemptions = registry.registry.resident(number: number)?.exemptions ?? []
        let identity = VerifiedIdentity(resident: reference, exemptions: exemptions, method: .mobileID, verifiedAt: now)
        sessions[response.state]?.outcome = .verified(identity)
        if let kioskID = sessions[response.state]?.kioskID { remember(identity, kioskID: kioskID, now: now) }
        return .success(response.state)
    }

    /// The outcome of `state` for `kioskID` (another kiosk's request is unknown to it).
    func outcome(state: String, kioskID: String, now: Date) -> Result<MobileIDOutcomeAnswer, ProblemResponse> {
        guard registry != nil else { return .failure(Self.notSeeded) }
        guard let session = sessions[state], session.kioskID == kioskID else {
            return .failure(ProblemResponse(404, "unknown-request", "kiosk \(kioskID) has no mobile-ID request \(state)"))
        }
        switch session.outcome {
        case .pending:
            return .success(MobileIDOutcomeAnswer(status: now >= session.expiresAt ? "expired" : "pending"))
        case .verified(let identity):
            return .success(MobileIDOutcomeAnswer(status: "verified", identity: VerifiedIdentityWire(identity)))
        case .rejected(let reason):
            return .success(MobileIDOutcomeAnswer(status: "rejected", reason: reason))
        case .expired:
            return .success(MobileIDOutcomeAnswer(status: "expired"))
        }
    }

    /// Forgets requests that expired more than ten minutes ago (their kiosk has long stopped asking).
    private func prune(now: Date) {
        mobile.prune(at: now)
        sessions = sessions.filter { now.timeIntervalSince($0.value.expiresAt) < 600 }
    }
}

/// A document request central answers with `status` and `problem` instead of content.
struct DocumentRefusal: Error {
    var status: Int
    var problem: DocumentProblem

    init(_ status: Int, _ problem: DocumentProblem) {
        self.status = status
        self.problem = problem
    }
}

/// A bad identity setting of kiosk-central (issuer key, hours rule); `description` names it.
public struct CentralIdentityConfigurationError: Error, CustomStringConvertible {
    /// What is wrong.
    public var description: String
}
