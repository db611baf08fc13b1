// MARK: issue 4 (sessions)
extension KioskConfiguration {
    /// The `[session]` table: how resident sessions run.
    public struct Session: Sendable, Equatable {
        /// The document sources this kioskd knows. `simulated` fills documents with SAMPLE content
        /// (invented residents); `backend` asks the identity back-end (`[identity] backend`) for each
        /// document's real content.
        public static let documentSources = ["simulated", "backend"]

        /// Where document content comes from (`simulated` or `backend`), or `nil`: sessions can be started
        /// but nothing can be printed, and paying is refused with a clear error.
        public var documentSource: String?
        /// Seconds without input before an unpaid session is abandoned.
        public var idleTimeoutSeconds: Int
        /// The kiosk's number inside issuance numbers (1–99999, assigned centrally), or `nil`: paying
        /// is refused with a clear error because no issuance number can be made.
        public var kioskNumber: Int?

        /// The defaults: no document source, 120 s idle timeout, no kiosk number.
        public init(documentSource: String? = nil, idleTimeoutSeconds: Int = 120, kioskNumber: Int? = nil) {
            self.documentSource = documentSource
            self.idleTimeoutSeconds = idleTimeoutSeconds
            self.kioskNumber = kioskNumber
        }
    }
}
