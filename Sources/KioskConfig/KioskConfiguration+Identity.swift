// MARK: issue 8 (identity)
extension KioskConfiguration {
    /// The `[identity]` table: which back-end verifies residents and answers document content, and how
    /// the identity step behaves at the kiosk.
    public struct Identity: Sendable, Equatable {
        /// The identity back-ends this kioskd knows: `central` (kiosk-central's gateway, signed with the
        /// sync key; the production path) and `synthetic` (an in-process synthetic registry for demos
        /// without a central server; no mobile ID).
        public static let backends = ["central", "synthetic"]

        /// The back-end, or `nil`: documents that need identity are not offered.
        public var backend: String?
        /// Seed of the in-process synthetic registry (`synthetic` only).
        public var syntheticSeed: Int
        /// Households of the in-process synthetic registry (`synthetic` only).
        public var syntheticHouseholds: Int
        /// Fingerprint failures in one session before the kiosk stops offering the thumb and offers mobile ID.
        public var attemptsBeforeMobileID: Int
        /// Seconds the reader waits for the thumb.
        public var captureTimeoutSeconds: Int
        /// How often kiosk-central is asked which agencies answer (documents of a down or closed agency
        /// leave the menu); `central` with `document_source = "backend"` only.
        public var agencyPollSeconds = 30

        /// The defaults: no back-end, seed 1 with 200 households, 3 attempts, 20 s capture timeout.
        public init(
            backend: String? = nil, syntheticSeed: Int = 1, syntheticHouseholds: Int = 200, attemptsBeforeMobileID: Int = 3,
            captureTimeoutSeconds: Int = 20
        ) {
            self.backend = backend
            self.syntheticSeed = syntheticSeed
            self.syntheticHouseholds = syntheticHouseholds
            self.attemptsBeforeMobileID = attemptsBeforeMobileID
            self.captureTimeoutSeconds = captureTimeoutSeconds
        }
    }
}
