/// What kiosk-central keeps for identity and documents, beside the ledger: the synthetic registry's
/// parameters (and secret), the audit of every verification attempt (a keyed resident reference, never an
/// RRN or a template), and the operator's per-agency down switches. Both storage back-ends implement it.
public protocol CentralIdentityStorage: Sendable {
    /// The seeded registry's parameters, or `nil` when `registry seed` has not run.
    func registryParameters() async throws(CentralStorageError) -> RegistryParameters?
    /// Stores `parameters`, replacing any earlier ones.
    func storeRegistryParameters(_ parameters: RegistryParameters) async throws(CentralStorageError)
    /// Appends one verification attempt to the audit.
    func recordVerificationAttempt(_ attempt: CentralVerificationRecord) async throws(CentralStorageError)
    /// Audited attempts made at or after `since` (UTC milliseconds), oldest first.
    func verificationAttempts(sinceUTCMilliseconds since: Int64) async throws(CentralStorageError) -> [CentralVerificationRecord]
    /// Switches `agency` down (with `reason`) or back up.
    func setAgencyDown(_ agency: String, down: Bool, reason: String?, atUTCMilliseconds: Int64) async throws(CentralStorageError)
    /// The agencies currently switched down, agency → switch.
    func agenciesDown() async throws(CentralStorageError) -> [String: CentralAgencySwitch]
}
