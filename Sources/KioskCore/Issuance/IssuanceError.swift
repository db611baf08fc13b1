public import Foundation

/// Why an event was refused. The session is left exactly as it was before the event.
public enum IssuanceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The event is not allowed in the session's phase.
    case illegalEvent(event: String, phase: IssuanceSession.Phase)
    /// The event is not allowed for the issuance in its state (or before it is paid: `nil`).
    case illegalIssuanceEvent(event: String, issuanceID: UUID, state: IssuanceState?)
    /// No issuance with this id in the session.
    case unknownIssuance(UUID)
    /// `documentsChosen` with no documents.
    case noDocuments
    /// The same issuance id twice.
    case duplicateIssuance(UUID)
    /// Copies must be 1 or more.
    case invalidCopies(issuanceID: UUID, copies: Int)
    /// The quote does not cover exactly the requested issuances, or has a negative amount.
    case quoteMismatch(String)
    /// The payment device reported another amount than the quoted total.
    case paymentAmountMismatch(expected: Money, received: Money)
    /// `paymentCompleted` must bring one distinct issuance number per issuance.
    case issuanceNumbersMismatch(expected: Int, received: Int)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .illegalEvent(let event, let phase): "event \(event) is not allowed in phase \(phase)"
        case .illegalIssuanceEvent(let event, let id, let state):
            "event \(event) is not allowed for issuance \(id) in state \(state.map(\.rawValue) ?? "unpaid")"
        case .unknownIssuance(let id): "no issuance \(id) in this session"
        case .noDocuments: "no document chosen"
        case .duplicateIssuance(let id): "issuance \(id) is listed twice"
        case .invalidCopies(let id, let copies): "issuance \(id): \(copies) copies; at least 1 is needed"
        case .quoteMismatch(let message): "quote does not match the request: \(message)"
        case .paymentAmountMismatch(let expected, let received):
            "payment of \(received) does not match the quoted total \(expected)"
        case .issuanceNumbersMismatch(let expected, let received):
            "payment brought \(received) distinct issuance numbers for \(expected) issuances"
        }
    }
}
