import CoreMetrics
import KioskDevices

/// The kiosk's metrics, created through one swift-metrics factory (Prometheus in kioskd).
struct KioskMetrics: Sendable {
    let maintenance: Gauge
    let sessionsStarted: Counter
    let issuances: Counter
    let ledgerHead: Gauge
    let syncLag: Gauge
    private let deviceUp: [DeviceKind: Gauge]

    init(factory: any MetricsFactory) {
        maintenance = Gauge(label: "kiosk_maintenance", factory: factory)
        sessionsStarted = Counter(label: "kiosk_sessions_started_total", factory: factory)
        issuances = Counter(label: "kiosk_issuances_total", factory: factory)
        ledgerHead = Gauge(label: "kiosk_ledger_head", factory: factory)
        syncLag = Gauge(label: "kiosk_sync_lag_entries", factory: factory)
        var up: [DeviceKind: Gauge] = [:]
        for kind in DeviceKind.allCases {
            up[kind] = Gauge(label: "kiosk_device_up", dimensions: [("device", kind.rawValue)], factory: factory)
        }
        deviceUp = up
    }

    /// Records a device's status: 1 when usable, 0 otherwise.
    func record(_ status: DeviceStatus) {
        deviceUp[status.kind]?.record(status.state.isUsable ? 1 : 0)
    }
}
