import Foundation
import KioskSync

/// Which documents the document back-end can answer now, from kiosk-central's agency report
/// (`GET /v1/agencies`): a document no agency serves, or whose agency is down or closed, leaves the menu
/// with the reason. Until the first report arrives (or while central is unreachable) nothing is taken
/// out: the quote still refuses, before payment, a document the back-end cannot answer.
actor BackendAvailability {
    private var statuses: [AgencyStatus]?
    private var served: [String: AgencyStatus] = [:]

    /// Takes a new report; answers the codes whose availability changed (for the log).
    @discardableResult
    func update(_ report: [AgencyStatus]) -> [String] {
        let before = Dictionary(uniqueKeysWithValues: served.map { ($0.key, reasonFor(status: $0.value)) })
        statuses = report
        served = [:]
        for status in report { for code in status.documents { served[code] = status } }
        let after = Dictionary(uniqueKeysWithValues: served.map { ($0.key, reasonFor(status: $0.value)) })
        return Set(before.keys).union(after.keys).filter { before[$0] ?? "new" != after[$0] ?? "gone" }.sorted()
    }

    /// Why `code` cannot be issued now, or nil when it can (or nothing is known yet).
    func reason(for code: String) -> String? {
        guard statuses != nil else { return nil }
        guard let status = served[code] else { return "the document back-end does not serve \(code)" }
        return reasonFor(status: status)
    }

    /// `reason(for:)` of each of `codes` that cannot be issued now.
    func reasons(for codes: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for code in codes { out[code] = reason(for: code) }
        return out
    }

    private func reasonFor(status: AgencyStatus) -> String? {
        switch status.state {
        case "down": return "the \(status.agency) back-end is down" + (status.reason.map { ": \($0)" } ?? "")
        case "closed":
            guard let until = status.closedUntilUTCMilliseconds else { return "the \(status.agency) back-end is closed now" }
            let formatter = ISO8601DateFormatter()
            return "the \(status.agency) back-end is closed until \(formatter.string(from: Date(timeIntervalSince1970: Double(until) / 1000)))"
        default: return nil
        }
    }
}
