public import KioskDevices

/// An NFIQ-like quality assessment of one capture: how much finger there is, how much contrast,
/// how clear the ridges are, a 0–100 score and, when the capture is not good enough, the guidance
/// to give the resident.
public struct QualityReport: Sendable, Equatable, Codable {
    /// Score 0 (unusable) … 100 (excellent).
    public var score: Int
    /// Fraction of the sensor something touches (ridges, or a faint or smeared print), 0…1.
    public var foregroundArea: Double
    /// Mean ridge/valley contrast of the covered area, 0…1 (grey-level deviation / 64, capped).
    public var contrast: Double
    /// Mean orientation coherence of the covered area, 0…1 (clear parallel ridges score high).
    public var ridgeClarity: Double
    /// Mean grey level of the covered area, 0 (black) … 255 (white).
    public var foregroundMean: Double
    /// What to tell the resident; nil when the capture is good enough to match.
    public var guidance: CaptureGuidance?

    /// True when the capture is good enough to send for matching.
    public var isAcceptable: Bool { guidance == nil }
}
