import Foundation
public import KioskDevices

/// Deterministic finger images with minutiae, for enrolling synthetic residents. KioskDevices'
/// `SyntheticFinger` draws smooth concentric ridges in which the extractor finds almost no minutiae
/// (0–2, too few for the matcher's 8 pairs), so its fingers cannot be enrolled. This draws the same kind
/// of whorl but adds phase dislocations (a spiral phase term `±atan2` around random points): each
/// dislocation makes a ridge end or fork there, as in phase-field models of fingerprints. 256 × 180, dark
/// ridges on light, like the NB-1010-U.
public enum SyntheticThumb {
    /// Number of dislocations (intended minutiae) drawn.
    static let dislocations = 18

    /// The image for `seed`; `contrast` 1 is a good capture.
    public static func image(seed: UInt64, contrast: Double = 1) -> GrayImage {
        var generator = SplitMix64(seed: seed ^ 0x5EED_7_4B1)
        func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &generator) }
        let width = 256, height = 180
        let centreX = uniform(100...156), centreY = uniform(70...110)
        let period = uniform(7.5...9.5), twist = uniform(0...0.25), stretch = uniform(0.85...1.15)
        // A linear component in a random direction turns the whorl into loop- or arch-like patterns.
        let tilt = uniform(0...(2 * .pi)), drift = uniform(0.3...0.8)
        var points: [(x: Double, y: Double, sign: Double)] = []
        var attempts = 0
        while points.count < dislocations && attempts < 2000 {
            attempts += 1
            let x = uniform(40...216), y = uniform(30...150)
            let dx = (x - centreX) * stretch, dy = y - centreY
            guard (dx * dx) / (95 * 95) + (dy * dy) / (80 * 80) < 1, (dx * dx + dy * dy) > 400 else { continue }
            guard points.allSatisfy({ ($0.x - x) * ($0.x - x) + ($0.y - y) * ($0.y - y) > 28 * 28 }) else { continue }
            points.append((x, y, generator.next() % 2 == 0 ? 1 : -1))
        }
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let dx = (Double(x) - centreX) * stretch, dy = Double(y) - centreY
                guard (dx * dx) / (110 * 110) + (dy * dy) / (95 * 95) < 1 else { continue }
                let radius = (dx * dx + dy * dy).squareRoot()
                let linear = drift * (dx * cos(tilt) + dy * sin(tilt))
                var phase = (radius + twist * radius * sin(2 * atan2(dy, dx)) + linear) / period * 2 * .pi
                for point in points {
                    phase += point.sign * atan2(Double(y) - point.y, Double(x) - point.x)
                }
                let ridge = (sin(phase) + 1) / 2
                pixels[y * width + x] = UInt8(max(0, min(255, 255 - contrast * 200 * ridge)))
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }
}
