/// When central raises alerts from a kiosk's heartbeats and sync state.
public struct AlertThresholds: Sendable, Hashable {
    /// A kiosk with no heartbeat for this many seconds is offline (critical).
    public var offlineAfterSeconds: Int
    /// More unacknowledged entries than this is a sync-lag warning.
    public var syncLagEntries: Int
    /// A payout hopper holding this many coins or fewer is low, whatever its sensor says (0 = use the
    /// kiosk's reported level only). Empty is always critical.
    public var hopperLowCount: Int

    /// Thresholds; defaults: offline after 10 minutes, lag over 500 entries, hopper low at ≤ 20 coins.
    /// - Precondition: none; negative values are clamped to 0.
    public init(offlineAfterSeconds: Int = 600, syncLagEntries: Int = 500, hopperLowCount: Int = 20) {
        self.offlineAfterSeconds = max(0, offlineAfterSeconds)
        self.syncLagEntries = max(0, syncLagEntries)
        self.hopperLowCount = max(0, hopperLowCount)
    }
}
