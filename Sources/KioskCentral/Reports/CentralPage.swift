import Foundation
import KioskSync

/// The read-only central office page: kiosk status table and an SVG bar chart of daily issuances,
/// rendered on the server (no JavaScript).
enum CentralPage {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func chart(_ days: [(String, Int)]) -> String {
        let width = 40 * max(days.count, 1) + 40
        let height = 200
        let top = max(days.map(\.1).max() ?? 0, 1)
        let margin = 16  // room above the tallest bar for its count
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(margin + height + 40)\" role=\"img\" aria-label=\"issued per day\">"
        for (index, (date, count)) in days.enumerated() {
            let barHeight = count * height / top
            let x = 30 + index * 40
            let base = margin + height
            svg += "<rect x=\"\(x)\" y=\"\(base - barHeight)\" width=\"28\" height=\"\(barHeight)\" fill=\"#2b6cb0\"><title>\(date): \(count)</title></rect>"
            svg += "<text x=\"\(x + 14)\" y=\"\(base - barHeight - 4)\" font-size=\"10\" text-anchor=\"middle\">\(count)</text>"
            svg += "<text x=\"\(x + 14)\" y=\"\(base + 14)\" font-size=\"9\" text-anchor=\"middle\">\(date.suffix(5))</text>"
        }
        return svg + "</svg>"
    }

    static func alertList(_ alerts: [CentralAlert]) -> String {
        guard !alerts.isEmpty else { return "<p>No alerts.</p>" }
        var rows = ""
        for alert in alerts {
            let colour = alert.severity == .critical ? "#fde2e2" : "#fff4d6"
            rows += "<tr style=\"background:\(colour)\"><td>\(alert.severity.rawValue)</td><td>\(escape(alert.kioskID))</td>"
            rows += "<td>\(escape(alert.kioskName))</td><td>\(escape(alert.kind))</td><td>\(escape(alert.detail))</td></tr>\n"
        }
        return "<table><tr><th>severity</th><th>kiosk</th><th>name</th><th>alert</th><th>detail</th></tr>\n\(rows)</table>"
    }

    static func html(statuses: [KioskStatus], days: [(String, Int)], alerts: [CentralAlert] = []) -> String {
        var rows = ""
        for status in statuses {
            let devices = (status.heartbeat?.devices ?? []).map { "\(escape($0.name)): \(escape($0.state))" }.joined(separator: ", ")
            let state = status.tamperedReason != nil ? "TAMPERED" : (status.online ? "online" : "offline")
            rows += "<tr><td>\(escape(status.id))</td><td>\(escape(status.name))</td><td>\(escape(status.district))</td><td>\(state)</td>"
            rows += "<td>\(status.ackedSequence)</td><td>\(status.heartbeat.map { "\($0.syncLag)" } ?? "-")</td>"
            rows += "<td>\(escape(status.heartbeat?.paperLevel ?? "-"))</td><td>\(devices)</td></tr>\n"
        }
        return """
            <!doctype html>
            <html lang="ko"><head><meta charset="utf-8"><title>kiosk-central</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}</style>
            </head><body>
            <h1>무인민원발급기 — kiosk-central</h1>
            <h2>Alerts (\(alerts.count))</h2>
            \(alertList(alerts))
            <h2>Kiosks</h2>
            <table><tr><th>id</th><th>name</th><th>district</th><th>state</th><th>acked entry</th><th>sync lag</th><th>paper</th><th>devices</th></tr>
            \(rows)</table>
            <h2>Issued per day</h2>
            \(chart(days))
            </body></html>
            """
    }
}
