import Foundation
import KioskDevices
import KioskFingerprint

/// The fingerprint recordings in Tests/Fixtures/fingerprint (see the README there) and a small
/// deterministic perturbation, so a probe is never the enrolled image itself.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/fingerprint")

    /// The NB-1010-U capture (256×180, dark ridges on light).
    static func nb1010Capture() throws -> GrayImage {
        try PGM.decode(Array(Data(contentsOf: folder.appendingPathComponent("nb1010/capture.pgm"))))
    }

    /// The AES3500 capture (another finger), inverted to dark ridges on light.
    static func aes3500Capture() throws -> GrayImage {
        let raw = try PGM.decode(Array(Data(contentsOf: folder.appendingPathComponent("aes3500/raw-128x128.pgm"))))
        return GrayImage(width: raw.width, height: raw.height, pixels: raw.pixels.map { 255 - $0 })
    }

    /// `image` shifted by (`dx`, `dy`) with white fill and uniform noise of ±`amplitude` from `seed`.
    static func perturbed(_ image: GrayImage, dx: Int, dy: Int, amplitude: Int, seed: UInt64) -> GrayImage {
        var generator = SplitMix64(seed: seed)
        var pixels = [UInt8](repeating: 255, count: image.width * image.height)
        for y in 0..<image.height {
            for x in 0..<image.width {
                let sx = x - dx, sy = y - dy
                guard sx >= 0, sx < image.width, sy >= 0, sy < image.height else { continue }
                let noise = Int(generator.next() % UInt64(2 * amplitude + 1)) - amplitude
                pixels[y * image.width + x] = UInt8(clamping: Int(image.pixels[sy * image.width + sx]) + noise)
            }
        }
        return GrayImage(width: image.width, height: image.height, pixels: pixels)
    }
}
