import ArgumentParser
import KioskControl
import KioskDevices

/// `kioskctl status`: the kiosk at a glance.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Kiosk id, open or closed, devices, ledger head and sync lag.")

    @OptionGroup var options: ControlOptions

    func run() throws {
        let report = try options.send(ControlRequest(command: "status"), expecting: KioskStatusReport.self)
        if options.json { return try options.printJSON(report) }
        let service = report.acceptingSessions ? "accepting sessions" : "NOT accepting sessions: \(report.notAcceptingReason ?? "")"
        var rows: [[String]] = [
            ["kiosk", "\(report.kioskID)  \(report.name)"],
            ["service", service],
            ["hours", (report.openNow ? "open" : "closed") + (report.nextChange.map { ", changes at \($0)" } ?? "")],
            ["maintenance", report.maintenance ? "on (out of service)" : "off"],
        ]
        for device in report.devices {
            rows.append([device.kind.rawValue, device.state.rawValue + (device.reason.map { " — \($0)" } ?? "") + " [\(device.driver)]"])
        }
        rows.append(["ledger head", report.ledgerHead.map(String.init) ?? "none"])
        rows.append(["sync lag", report.syncLag.map { "\($0) entries" } ?? "not configured"])
        rows.append(["ui", report.uiURL])
        rows.append(["kioskd", "\(report.version), up \(report.uptimeSeconds) s"])
        print(aligned(rows))
    }
}
