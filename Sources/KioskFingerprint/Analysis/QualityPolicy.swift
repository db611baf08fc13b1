/// Thresholds turning a quality assessment into guidance. Config keys (table `[fingerprint]`):
/// `quality_threshold` → `minimumScore`; the others are tuning values with sensible defaults.
public struct QualityPolicy: Sendable, Equatable, Codable {
    /// Below this score a capture is not accepted (default 40).
    public var minimumScore: Int
    /// Below this foreground fraction there is no finger at all: "place finger" (default 0.12).
    public var noFingerArea: Double
    /// Below this foreground fraction the finger covers too little: "lift and retry" (default 0.45).
    public var partialArea: Double
    /// Below this contrast the print is too faint ("press harder") or, when dark, smeared ("press lighter") (default 0.30).
    public var minimumContrast: Double
    /// Below this ridge clarity the print is smeared (default 0.35).
    public var minimumClarity: Double
    /// A print darker than this mean grey level without contrast or clear ridges was pressed too hard (default 110).
    public var darkMean: Double

    /// The default policy, tuned on the NB-1010-U recording and its degraded versions.
    public init(
        minimumScore: Int = 40, noFingerArea: Double = 0.12, partialArea: Double = 0.45,
        minimumContrast: Double = 0.30, minimumClarity: Double = 0.35, darkMean: Double = 110
    ) {
        self.minimumScore = minimumScore
        self.noFingerArea = noFingerArea
        self.partialArea = partialArea
        self.minimumContrast = minimumContrast
        self.minimumClarity = minimumClarity
        self.darkMean = darkMean
    }
}
