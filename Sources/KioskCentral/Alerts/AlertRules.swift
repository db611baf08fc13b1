import KioskSync

/// Derives alerts from kiosk statuses (registry, last heartbeat, acknowledged head). Pure: the time
/// comes in as a parameter, so every rule is tested without I/O.
public enum AlertRules {
    /// Every alert for `status` at `nowUTCMilliseconds`, critical first.
    public static func alerts(for status: KioskStatus, nowUTCMilliseconds now: Int64, thresholds: AlertThresholds) -> [CentralAlert] {
        var out: [CentralAlert] = []
        func add(_ kind: String, _ severity: CentralAlert.Severity, _ detail: String) {
            out.append(
                CentralAlert(
                    kioskID: status.id, kioskName: status.name, district: status.district, kind: kind, severity: severity, detail: detail,
                    observedAtUTCMilliseconds: status.lastSeenUTCMilliseconds))
        }
        if let reason = status.tamperedReason { add("tampered", .critical, "ledger refused as tampered: \(reason)") }
        guard let beat = status.heartbeat, let seen = status.lastSeenUTCMilliseconds else {
            add("never-seen", .warning, "no heartbeat received yet")
            return sorted(out)
        }
        let silentSeconds = max(0, (now - seen) / 1000)
        if silentSeconds >= Int64(thresholds.offlineAfterSeconds) {
            add("offline", .critical, "no heartbeat for \(silentSeconds / 60) min (limit \(thresholds.offlineAfterSeconds / 60) min); levels below are from the last one")
        }
        supply("paper", beat.paperLevel, add)
        supply("toner", beat.tonerLevel, add)
        for level in (beat.cashLevels ?? []).sorted(by: { $0.denominationWon < $1.denominationWon }) {
            let coins = "\(level.denominationWon)-won hopper holds \(level.count)"
            if level.level == "empty" || level.count == 0 {
                add("hopper-empty", .critical, "\(coins): no change in \(level.denominationWon)-won coins (exact amount or card only)")
            } else if level.level == "low" || level.count <= thresholds.hopperLowCount {
                add("hopper-low", .warning, "\(coins) (low at ≤ \(thresholds.hopperLowCount)): refill before change runs out")
            }
        }
        switch beat.cashBoxLevel {
        case "full": add("cash-box-full", .critical, "cash box is full: notes and coins cannot be taken")
        case "nearlyFull": add("cash-box-nearly-full", .warning, "cash box is nearly full: collect it")
        default: break
        }
        for device in beat.devices {
            switch device.state {
            case "offline", "hardwareError", "fraudAttempt":
                add("device-fault", .critical, "\(device.name) is \(device.state)" + (device.detail.map { ": \($0)" } ?? ""))
            case "userError":
                add("device-fault", .warning, "\(device.name) needs attention" + (device.detail.map { ": \($0)" } ?? ""))
            default: break
            }
        }
        if beat.syncLag > Int64(thresholds.syncLagEntries) {
            add("sync-lag", .warning, "\(beat.syncLag) entries not yet at central (limit \(thresholds.syncLagEntries))")
        }
        return sorted(out)
    }

    /// Alerts of every kiosk, critical first, then by kiosk id.
    public static func alerts(for statuses: [KioskStatus], nowUTCMilliseconds now: Int64, thresholds: AlertThresholds) -> [CentralAlert] {
        sorted(statuses.flatMap { alerts(for: $0, nowUTCMilliseconds: now, thresholds: thresholds) })
    }

    private static func supply(_ name: String, _ level: String?, _ add: (String, CentralAlert.Severity, String) -> Void) {
        switch level {
        case "empty": add("\(name)-empty", .critical, "\(name) is empty: documents cannot be printed")
        case "low": add("\(name)-low", .warning, "\(name) is low: refill soon")
        default: break
        }
    }

    private static func sorted(_ alerts: [CentralAlert]) -> [CentralAlert] {
        alerts.enumerated().sorted {
            ($0.element.severity, $0.element.kioskID, $0.offset) < ($1.element.severity, $1.element.kioskID, $1.offset)
        }.map(\.element)
    }
}
