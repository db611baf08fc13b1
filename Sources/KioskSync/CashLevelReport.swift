/// One payout denomination in a heartbeat: how many coins (or notes) the hopper holds and the level
/// its sensors (or the kiosk's thresholds) report, so central can warn before change runs out.
public struct CashLevelReport: Sendable, Hashable, Codable {
    /// The denomination in won (100, 500, …).
    public var denominationWon: Int
    /// Pieces held.
    public var count: Int
    /// `ok`, `low`, `empty` or `unknown`.
    public var level: String

    /// A level report.
    public init(denominationWon: Int, count: Int, level: String) {
        self.denominationWon = denominationWon
        self.count = count
        self.level = level
    }
}
