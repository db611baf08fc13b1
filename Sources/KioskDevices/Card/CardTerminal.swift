public import KioskCore

/// A card terminal's approval of a payment.
public struct CardApproval: Sendable, Codable, Equatable {
    /// The approval number the acquirer gave (needed to cancel).
    public var approvalNumber: String
    /// The amount approved.
    public var amount: Money
    /// The card as the terminal masks it (e.g. `5327-12**-****-3456`), for the receipt.
    public var maskedCard: String

    /// An approval.
    public init(approvalNumber: String, amount: Money, maskedCard: String) {
        self.approvalNumber = approvalNumber
        self.amount = amount
        self.maskedCard = maskedCard
    }
}

/// Why a card payment or cancellation did not go through. Nothing was charged unless stated.
public enum CardError: Error, Sendable, Equatable, CustomStringConvertible {
    case declined(String)
    case timeout
    case communication(String)
    case cancelledByResident
    case noDevice

    public var description: String {
        switch self {
        case .declined(let reason): "card declined: \(reason)"
        case .timeout: "no card presented in time"
        case .communication(let reason): "card terminal communication error: \(reason)"
        case .cancelledByResident: "payment cancelled"
        case .noDevice: "no card terminal connected"
        }
    }
}

/// A card terminal (in Korea: a VAN terminal). Conformers promise that a thrown error means nothing
/// was charged (or, for a cancellation, nothing was returned), that `cancel` fully reverses an
/// approval, and that `cancel(_:amount:)` returns exactly `amount` of it (부분취소, partial cancellation)
/// and refuses more than is left.
public protocol CardTerminal: KioskDevice {
    /// Asks the resident to present a card and approves `amount`; `reference` identifies the session.
    func approve(amount: Money, reference: String) async throws(CardError) -> CardApproval
    /// Cancels (refunds) what is left of an earlier approval.
    func cancel(_ approval: CardApproval) async throws(CardError)
    /// Cancels (refunds) `amount` of an earlier approval; the rest stays charged.
    func cancel(_ approval: CardApproval, amount: Money) async throws(CardError)
}
