/// The outcome of comparing two templates.
public struct MatchResult: Sendable, Equatable, Codable {
    /// Similarity 0…100: paired minutiae squared over the minutiae in the overlapping area of each.
    public var score: Double
    /// Minutiae paired under the best alignment.
    public var pairedMinutiae: Int
    /// The best alignment's rotation of the probe, in degrees.
    public var rotationDegrees: Double
    /// True when `score` and `pairedMinutiae` reach the matcher's thresholds.
    public var isMatch: Bool
}
