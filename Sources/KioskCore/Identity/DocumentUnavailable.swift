public import Foundation

/// Why a back-end returns no content for a document request. The kiosk shows the reason and, for
/// `backendClosed` and `backendDown`, takes the document off the menu and reports it to central.
public enum DocumentUnavailable: Error, Sendable, Hashable, CustomStringConvertible {
    /// The back-end has no such record (unknown resident, parcel or document code); `what` names it.
    case notFound(what: String)
    /// The agency's back-end is outside its service hours; it opens again at `reopens` if known.
    case backendClosed(agency: String, reopens: Date?)
    /// The agency's back-end is not answering or failed; `reason` says how.
    case backendDown(agency: String, reason: String)

    /// A sentence naming the reason.
    public var description: String {
        switch self {
        case .notFound(let what): "not found: \(what)"
        case .backendClosed(let agency, let reopens):
            "the \(agency) back-end is closed" + (reopens.map { ", it reopens at \(SeoulTime.format($0))" } ?? "")
        case .backendDown(let agency, let reason): "the \(agency) back-end is down: \(reason)"
        }
    }
}
