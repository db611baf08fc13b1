import Foundation

/// One minutia: a ridge ending or bifurcation with position, direction and quality, in the units
/// of ISO/IEC 19794-2 (pixels from the top-left corner; angle in 1/256 of a full turn,
/// counter-clockwise from the x axis; quality 0–100).
public struct Minutia: Sendable, Hashable, Codable {
    /// Ridge ending, bifurcation or other (ISO type bits 01, 10, 00).
    public enum Kind: UInt8, Sendable, Hashable, Codable {
        /// Neither (ISO "other").
        case other = 0
        /// A ridge ends.
        case ending = 1
        /// A ridge splits in two.
        case bifurcation = 2
    }

    /// Ending or bifurcation.
    public var kind: Kind
    /// Column, 0…16383.
    public var x: Int
    /// Row, 0…16383.
    public var y: Int
    /// Direction in units of 360/256 degrees, counter-clockwise from the positive x axis.
    public var angle: UInt8
    /// Reliability 0…100.
    public var quality: UInt8

    /// A minutia; `x` and `y` must fit ISO's 14 bits.
    public init(kind: Kind, x: Int, y: Int, angle: UInt8, quality: UInt8) {
        precondition((0..<16384).contains(x) && (0..<16384).contains(y), "minutia coordinates must fit 14 bits")
        self.kind = kind
        self.x = x
        self.y = y
        self.angle = angle
        self.quality = min(quality, 100)
    }

    /// The direction in radians, 0 ..< 2π.
    public var radians: Double { Double(angle) * 2 * .pi / 256 }

    /// ISO angle units for `radians` (any value; wrapped into one turn).
    static func isoAngle(radians: Double) -> UInt8 {
        var turns = radians / (2 * .pi)
        turns -= turns.rounded(.down)
        return UInt8(Int((turns * 256).rounded()) % 256)
    }
}
