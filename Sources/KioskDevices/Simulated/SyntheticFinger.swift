import Foundation

/// Draws a deterministic, fingerprint-like ridge pattern (a whorl whose centre, ridge spacing and
/// distortion come from a seed) at the NB-1010-U's size, 256 × 180. For simulation only.
public enum SyntheticFinger {
    /// The image for `seed`; `contrast` 1 is a good capture, near 0 a faint one.
    public static func image(seed: UInt64, contrast: Double) -> GrayImage {
        var generator = SplitMix64(seed: seed)
        let width = 256, height = 180
        let centreX = 100 + Double(generator.next() % 56)
        let centreY = 70 + Double(generator.next() % 40)
        let period = 7 + Double(generator.next() % 4)
        let twist = Double(generator.next() % 100) / 400
        let stretch = 0.8 + Double(generator.next() % 40) / 100
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let dx = (Double(x) - centreX) * stretch, dy = Double(y) - centreY
                let ellipse = (dx * dx) / (110 * 110) + (dy * dy) / (95 * 95)
                guard ellipse < 1 else { continue }
                let radius = (dx * dx + dy * dy).squareRoot()
                let angle = atan2(dy, dx)
                let phase = (radius + twist * radius * sin(2 * angle)) / period * 2 * .pi
                let ridge = (sin(phase) + 1) / 2
                let value = 255 - contrast * 200 * ridge
                pixels[y * width + x] = UInt8(max(0, min(255, value)))
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }
}

/// A small deterministic generator (SplitMix64), so simulated data is reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
