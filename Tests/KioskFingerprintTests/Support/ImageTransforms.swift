import Foundation
import KioskDevices

/// Deterministic image degradations for quality and matching tests.
enum ImageTransforms {
    /// Background grey of the NB-1010-U glass.
    static let background: UInt8 = 229

    /// Rotated by `degrees` about the centre (bilinear), uncovered area filled with background.
    static func rotated(_ image: GrayImage, degrees: Double) -> GrayImage {
        let angle = degrees * .pi / 180, c = cos(angle), s = sin(angle)
        let cx = Double(image.width) / 2, cy = Double(image.height) / 2
        var pixels = [UInt8](repeating: background, count: image.pixels.count)
        for y in 0..<image.height {
            for x in 0..<image.width {
                let dx = Double(x) - cx, dy = Double(y) - cy
                let sx = c * dx + s * dy + cx, sy = -s * dx + c * dy + cy
                if let value = sample(image, sx, sy) { pixels[y * image.width + x] = value }
            }
        }
        return GrayImage(width: image.width, height: image.height, pixels: pixels)
    }

    /// Shifted by (dx, dy) pixels, uncovered area filled with background.
    static func shifted(_ image: GrayImage, dx: Int, dy: Int) -> GrayImage {
        var pixels = [UInt8](repeating: background, count: image.pixels.count)
        for y in 0..<image.height {
            for x in 0..<image.width {
                let sx = x - dx, sy = y - dy
                guard sx >= 0, sx < image.width, sy >= 0, sy < image.height else { continue }
                pixels[y * image.width + x] = image[sx, sy]
            }
        }
        return GrayImage(width: image.width, height: image.height, pixels: pixels)
    }

    /// The window of `fraction` of each side starting at the given corner fractions.
    static func cropped(_ image: GrayImage, fraction: Double, originX: Double, originY: Double) -> GrayImage {
        let width = Int(Double(image.width) * fraction), height = Int(Double(image.height) * fraction)
        let x0 = Int(Double(image.width - width) * originX), y0 = Int(Double(image.height - height) * originY)
        var pixels: [UInt8] = []
        for y in y0..<(y0 + height) { for x in x0..<(x0 + width) { pixels.append(image[x, y]) } }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    /// Gaussian-like noise of standard deviation `sigma`, seeded.
    static func noised(_ image: GrayImage, sigma: Double, seed: UInt64) -> GrayImage {
        var generator = SplitMix64(seed: seed)
        let pixels = image.pixels.map { pixel -> UInt8 in
            // Sum of 4 uniforms, scaled to the requested deviation (Irwin–Hall).
            let uniform = (0..<4).map { _ in Double(generator.next() >> 11) / Double(1 << 53) }.reduce(0, +) - 2
            return UInt8(clamping: Int((Double(pixel) + uniform * sigma * 1.732).rounded()))
        }
        return GrayImage(width: image.width, height: image.height, pixels: pixels)
    }

    /// Box-blurred with radius `radius` and the grey levels multiplied by `darken` (a smeared, wet press).
    static func smeared(_ image: GrayImage, radius: Int, darken: Double) -> GrayImage {
        var pixels = image.pixels
        for y in 0..<image.height {
            for x in 0..<image.width {
                var sum = 0, n = 0
                for dy in -radius...radius {
                    for dx in -radius...radius {
                        let sx = x + dx, sy = y + dy
                        guard sx >= 0, sx < image.width, sy >= 0, sy < image.height else { continue }
                        sum += Int(image[sx, sy]); n += 1
                    }
                }
                pixels[y * image.width + x] = UInt8(clamping: Int(Double(sum / n) * darken))
            }
        }
        return GrayImage(width: image.width, height: image.height, pixels: pixels)
    }

    /// Contrast scaled by `factor` around the background grey (a faint, dry press).
    static func lowContrast(_ image: GrayImage, factor: Double) -> GrayImage {
        GrayImage(width: image.width, height: image.height, pixels: image.pixels.map {
            UInt8(clamping: Int((Double(background) + (Double($0) - Double(background)) * factor).rounded()))
        })
    }

    /// The left `fraction` of the columns kept, the rest replaced by background (half a finger on the glass).
    static func partiallyCovered(_ image: GrayImage, keep fraction: Double) -> GrayImage {
        let limit = Int(Double(image.width) * fraction)
        var copy = image
        for y in 0..<image.height { for x in limit..<image.width { copy[x, y] = background } }
        return copy
    }

    /// Nothing on the glass: background with slight sensor noise.
    static func blank(width: Int, height: Int) -> GrayImage {
        noised(GrayImage(width: width, height: height, pixels: [UInt8](repeating: background, count: width * height)), sigma: 2, seed: 7)
    }

    private static func sample(_ image: GrayImage, _ x: Double, _ y: Double) -> UInt8? {
        guard x >= 0, y >= 0, x <= Double(image.width - 1), y <= Double(image.height - 1) else { return nil }
        let x0 = Int(x), y0 = Int(y), x1 = min(x0 + 1, image.width - 1), y1 = min(y0 + 1, image.height - 1)
        let fx = x - Double(x0), fy = y - Double(y0)
        let top = Double(image[x0, y0]) * (1 - fx) + Double(image[x1, y0]) * fx
        let bottom = Double(image[x0, y1]) * (1 - fx) + Double(image[x1, y1]) * fx
        return UInt8(clamping: Int((top * (1 - fy) + bottom * fy).rounded()))
    }
}

/// A small seeded generator, so degraded images are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
