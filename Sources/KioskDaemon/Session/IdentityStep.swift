import Foundation
import KioskCore
import KioskDevices

/// The identity step of one session at the kiosk: the number the resident typed (kept only until the
/// check ends), the capture in progress, the last result and the mobile-ID request. `wipe()` zeroes the
/// number; the runner wipes the whole step when the session ends before verification.
struct IdentityStep: Sendable {
    /// Where the resident is in the step.
    enum Stage: String, Sendable {
        case rrn
        case thumb
        case mobileID = "mobile-id"
        case verified
    }

    /// What the reader is doing.
    enum Capture: String, Sendable {
        case idle
        case waiting
        case verifying
    }

    var stage: Stage = .rrn
    var residentNumber: ResidentNumber?
    var masked: String?
    var capture: Capture = .idle
    var guidance: CaptureGuidance?
    var lastResult: String?
    var message: String?
    var failures = 0
    let attemptsBeforeMobileID: Int
    var lockedUntil: Date?
    var mobileIDOffered = false
    var challenge: MobileIDChallenge?
    var qrSVG: String?
    var verified: VerifiedIdentity?
    /// Bumped by every new capture or mobile-ID request: answers to older ones are ignored.
    var generation = 0

    init(attemptsBeforeMobileID: Int) {
        self.attemptsBeforeMobileID = attemptsBeforeMobileID
    }

    /// Whether the thumb may be tried again in this session.
    var thumbAllowed: Bool { failures < attemptsBeforeMobileID && lockedUntil.map { $0 <= Date() } ?? true }

    /// Zeroes and drops the resident registration number.
    mutating func wipe() {
        residentNumber?.wipe()
        residentNumber = nil
    }

    /// The step as the session API shows it.
    var view: SessionView.Identity {
        SessionView.Identity(
            stage: stage.rawValue, rrnMasked: masked, capture: capture.rawValue, guidance: guidance.map(Self.kebab),
            lastResult: lastResult, message: message, failures: failures,
            attemptsLeft: stage == .verified ? nil : max(0, attemptsBeforeMobileID - failures),
            mobileIDOffered: mobileIDOffered, lockedUntil: lockedUntil,
            mobileID: challenge.map { SessionView.MobileID(qrSVG: qrSVG ?? "", qrText: $0.qrText, expiresAt: $0.expiresAt) },
            method: verified?.method.rawValue, exemptions: verified?.exemptions.map(\.id) ?? [])
    }

    /// `placeFinger` → `place-finger`.
    static func kebab(_ guidance: CaptureGuidance) -> String {
        var result = ""
        for character in guidance.rawValue {
            if character.isUppercase { result += "-" + character.lowercased() } else { result.append(character) }
        }
        return result
    }
}
