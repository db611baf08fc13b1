import Foundation
import KioskDevices

/// Per-block analysis of a fingerprint image shared by quality and minutiae extraction: block
/// statistics, foreground mask, ridge orientation and its coherence (structure tensor of the
/// Sobel gradients over a 16×16 window centred on each 8×8 block).
struct RidgeField {
    static let block = 8
    let width: Int
    let height: Int
    let columns: Int
    let rows: Int
    /// Mean grey level per block (0 black … 255 white).
    var mean: [Float]
    /// Grey-level standard deviation per block.
    var deviation: [Float]
    /// Ridge orientation per block in radians, [0, π), smoothed.
    var orientation: [Float]
    /// Orientation coherence per block, 0 (no direction) … 1 (parallel ridges).
    var coherence: [Float]
    /// True for blocks holding usable ridges (enough grey-level deviation), false for background.
    var foreground: [Bool]
    /// True for blocks where something touches the glass: ridges, or a faint or dark smeared print.
    var covered: [Bool]

    /// Blocks whose grey-level deviation is below this are background (blank glass or flat smear).
    static let foregroundDeviation: Float = 14
    /// Blocks with at least this deviation, or darker than `coveredMean`, have something on the glass
    /// (the bare NB-1010-U glass is ≈ 229 with a deviation ≈ 2).
    static let coveredDeviation: Float = 5
    static let coveredMean: Float = 185

    init(_ image: GrayImage) {
        width = image.width
        height = image.height
        columns = (width + Self.block - 1) / Self.block
        rows = (height + Self.block - 1) / Self.block
        let count = columns * rows
        mean = [Float](repeating: 0, count: count)
        deviation = [Float](repeating: 0, count: count)
        orientation = [Float](repeating: 0, count: count)
        coherence = [Float](repeating: 0, count: count)
        foreground = [Bool](repeating: false, count: count)
        covered = [Bool](repeating: false, count: count)

        let (width, height, columns, rows, block) = (width, height, columns, rows, Self.block)
        var gxx = [Float](repeating: 0, count: count)
        var gyy = [Float](repeating: 0, count: count)
        var gxy = [Float](repeating: 0, count: count)
        image.pixels.withUnsafeBufferPointer { pixels in
            for by in 0..<rows {
                for bx in 0..<columns {
                    var sum: Float = 0, sumSquares: Float = 0, n: Float = 0
                    var sxx: Float = 0, syy: Float = 0, sxy: Float = 0
                    let x0 = max(1, bx * block - block / 2), x1 = min(width - 1, bx * block + block + block / 2)
                    let y0 = max(1, by * block - block / 2), y1 = min(height - 1, by * block + block + block / 2)
                    for y in y0..<y1 {
                        let row = y * width
                        for x in x0..<x1 {
                            let p = Float(pixels[row + x])
                            if x >= bx * block && x < bx * block + block && y >= by * block && y < by * block + block {
                                sum += p; sumSquares += p * p; n += 1
                            }
                            let a = Float(pixels[row - width + x - 1]), b = Float(pixels[row - width + x]), c = Float(pixels[row - width + x + 1])
                            let d = Float(pixels[row + x - 1]), f = Float(pixels[row + x + 1])
                            let g = Float(pixels[row + width + x - 1]), h = Float(pixels[row + width + x]), i = Float(pixels[row + width + x + 1])
                            let gx = (c + 2 * f + i) - (a + 2 * d + g)
                            let gy = (g + 2 * h + i) - (a + 2 * b + c)
                            sxx += gx * gx; syy += gy * gy; sxy += gx * gy
                        }
                    }
                    let index = by * columns + bx
                    if n > 0 {
                        mean[index] = sum / n
                        deviation[index] = (max(0, sumSquares / n - (sum / n) * (sum / n))).squareRoot()
                    }
                    gxx[index] = sxx; gyy[index] = syy; gxy[index] = sxy
                }
            }
        }
        // Smooth the doubled-angle vectors over 3×3 blocks, then read orientation and coherence.
        for by in 0..<rows {
            for bx in 0..<columns {
                var c: Float = 0, s: Float = 0, energy: Float = 0
                for dy in -1...1 {
                    for dx in -1...1 {
                        let x = bx + dx, y = by + dy
                        guard x >= 0, x < columns, y >= 0, y < rows else { continue }
                        let index = y * columns + x
                        c += gxx[index] - gyy[index]; s += 2 * gxy[index]; energy += gxx[index] + gyy[index]
                    }
                }
                let index = by * columns + bx
                // The gradient is across the ridge; the ridge runs perpendicular to it.
                var angle = 0.5 * atan2(s, c) + .pi / 2
                if angle >= .pi { angle -= .pi }
                if angle < 0 { angle += .pi }
                orientation[index] = angle
                coherence[index] = energy > 0 ? (c * c + s * s).squareRoot() / energy : 0
                foreground[index] = deviation[index] >= Self.foregroundDeviation
                covered[index] = deviation[index] >= Self.coveredDeviation || mean[index] < Self.coveredMean
            }
        }
        cleanMask()
        Self.zero(&gxx); Self.zero(&gyy); Self.zero(&gxy)
    }

    /// Drops isolated foreground blocks and fills background blocks surrounded by foreground.
    private mutating func cleanMask() {
        var cleaned = foreground
        for by in 0..<rows {
            for bx in 0..<columns {
                var neighbours = 0, total = 0
                for dy in -1...1 {
                    for dx in -1...1 where dx != 0 || dy != 0 {
                        let x = bx + dx, y = by + dy
                        guard x >= 0, x < columns, y >= 0, y < rows else { continue }
                        total += 1
                        if foreground[y * columns + x] { neighbours += 1 }
                    }
                }
                let index = by * columns + bx
                if foreground[index] && neighbours <= 2 { cleaned[index] = false }
                if !foreground[index] && neighbours >= total - 1 { cleaned[index] = true }
            }
        }
        foreground = cleaned
    }

    /// The block index holding pixel (x, y).
    func blockIndex(x: Int, y: Int) -> Int { (y / Self.block) * columns + x / Self.block }

    /// True when the block at (bx, by) and all its 8 neighbours are foreground (away from the edge of the finger).
    func isInterior(bx: Int, by: Int) -> Bool {
        for dy in -1...1 {
            for dx in -1...1 {
                let x = bx + dx, y = by + dy
                guard x >= 0, x < columns, y >= 0, y < rows, foreground[y * columns + x] else { return false }
            }
        }
        return true
    }

    /// Overwrites the derived data (it describes a finger).
    mutating func wipe() {
        Self.zero(&mean); Self.zero(&deviation); Self.zero(&orientation); Self.zero(&coherence)
        foreground.withUnsafeMutableBufferPointer { for index in $0.indices { $0[index] = false } }
        covered.withUnsafeMutableBufferPointer { for index in $0.indices { $0[index] = false } }
    }

    static func zero<T: Numeric>(_ array: inout [T]) {
        array.withUnsafeMutableBufferPointer { for index in $0.indices { $0[index] = 0 } }
    }
}
