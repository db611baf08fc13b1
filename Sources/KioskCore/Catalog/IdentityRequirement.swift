/// Who may get a document: only the person themself, verified (RRN + right thumb, or mobile ID), or anyone.
public enum IdentityRequirement: String, Sendable, Hashable, Codable, CaseIterable {
    /// Identity verification is required before the document is issued (본인확인 필요).
    case fingerprint
    /// Anyone may issue it (본인확인 불필요), e.g. land and building ledgers.
    case none
}
