import Foundation
import KioskCore

/// A session as the session API shows it (JSON): phase, documents with their quotes and outcomes,
/// payment progress and the last message for the resident.
struct SessionView: Codable, Sendable {
    /// One document of the session.
    struct Document: Codable, Sendable {
        var issuanceID: String
        var code: String
        var nameKo: String
        var nameEn: String
        var copies: Int
        var options: [String: String]
        var amount: Int?
        var lines: [Quote.Line]?
        var state: String?
        var issuanceNumber: String?
        var printerJobID: Int?
        var failureReason: String?
        /// The printer jammed: the resident chooses `POST /sessions/{id}/reprint` (reprint or refund).
        var reprintOffered: Bool
        /// Reprints made after jams.
        var reprints: Int
    }

    /// Payment progress.
    struct Payment: Codable, Sendable {
        var method: String
        var due: Int
        var inserted: Int
        var accepted: [Int]
        var approvalNumber: String?
        var change: Int?
        var owed: Int?
    }

    /// The mobile-ID request shown as a QR code.
    struct MobileID: Codable, Sendable {
        var qrSVG: String
        var qrText: String
        var expiresAt: Date
    }

    /// The identity step (see docs/openapi/kioskd-ui.yaml `Identity`); never carries the unmasked number.
    struct Identity: Codable, Sendable {
        var stage: String
        var rrnMasked: String?
        var capture: String
        var guidance: String?
        var lastResult: String?
        var message: String?
        var failures: Int
        var attemptsLeft: Int?
        var mobileIDOffered: Bool
        var lockedUntil: Date?
        var mobileID: MobileID?
        var method: String?
        var exemptions: [String]
    }

    var id: String
    var phase: String
    var documents: [Document]
    var total: Int
    var payment: Payment?
    var message: String?
    var finished: Bool
    /// Seconds until the idle timeout abandons the session; `nil` once money is taken (nothing paid is abandoned).
    var idleSecondsLeft: Int?
    /// The identity step; `nil` when no chosen document needs identity or the session ended unverified.
    var identity: Identity?
}
