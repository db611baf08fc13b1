import Foundation
public import KioskDevices

/// Finds ridge endings and bifurcations in a greyscale fingerprint (dark ridges on a light
/// background): orientation field and mask (`RidgeField`), ridge-oriented smoothing and local
/// thresholding across the ridge, Zhang–Suen thinning, crossing numbers on the skeleton, ridge
/// tracing for directions, and removal of spurs, breaks and minutiae at the edge of the finger.
/// Every intermediate buffer is zeroed before returning.
public struct MinutiaeExtractor: Sendable {
    /// Resolution written into templates, pixels per centimetre (the NB-1010-U's nominal 385 ppi ≈ 152).
    public var resolution: UInt16
    /// At most this many minutiae are kept (the most reliable ones).
    public var maximumMinutiae: Int

    /// An extractor writing `resolution` into its templates.
    public init(resolution: UInt16 = 152, maximumMinutiae: Int = 80) {
        self.resolution = resolution
        self.maximumMinutiae = min(255, maximumMinutiae)
    }

    /// The template of `image`, with `quality` (0–100) as its finger quality.
    public func template(from image: GrayImage, quality: Int? = nil) -> MinutiaeTemplate {
        var field = RidgeField(image)
        defer { field.wipe() }
        let score = quality ?? FingerprintQuality.assess(field, policy: QualityPolicy()).score
        return MinutiaeTemplate(
            width: image.width, height: image.height, horizontalResolution: resolution, verticalResolution: resolution,
            fingerQuality: UInt8(clamping: score), minutiae: minutiae(image, field: field))
    }

    func minutiae(_ image: GrayImage, field: RidgeField) -> [Minutia] {
        let width = image.width, height = image.height
        var ridges = binarize(image, field: field)
        defer { RidgeField.zero(&ridges) }
        Self.thin(&ridges, width: width, height: height)

        var found: [Minutia] = []
        let offsets = [(1, 0), (1, -1), (0, -1), (-1, -1), (-1, 0), (-1, 1), (0, 1), (1, 1)]
        for y in 1..<(height - 1) {
            for x in 1..<(width - 1) where ridges[y * width + x] == 1 {
                let block = field.blockIndex(x: x, y: y)
                guard field.isInterior(bx: block % field.columns, by: block / field.columns) else { continue }
                var transitions = 0
                for k in 0..<8 {
                    let (ax, ay) = offsets[k], (bx, by) = offsets[(k + 1) % 8]
                    if ridges[(y + ay) * width + x + ax] == 0 && ridges[(y + by) * width + x + bx] == 1 { transitions += 1 }
                }
                let kind: Minutia.Kind
                switch transitions {
                case 1: kind = .ending
                case 3: kind = .bifurcation
                default: continue
                }
                guard let direction = Self.direction(of: kind, x: x, y: y, ridges: ridges, width: width, height: height) else { continue }
                let quality = UInt8(clamping: Int((field.coherence[block] * 100).rounded()))
                found.append(Minutia(kind: kind, x: x, y: y, angle: Minutia.isoAngle(radians: direction), quality: quality))
            }
        }
        return Self.removeClusters(found, within: 7).sorted { $0.quality > $1.quality }.prefix(maximumMinutiae).map { $0 }
    }

    /// 1 for ridge pixels inside the finger, 0 elsewhere: each pixel is smoothed along the ridge
    /// (7 samples) and compared with the mean across the ridge (9 samples, about one ridge period).
    func binarize(_ image: GrayImage, field: RidgeField) -> [UInt8] {
        let width = image.width, height = image.height
        var along = [Float](repeating: 255, count: width * height)
        var ridges = [UInt8](repeating: 0, count: width * height)
        defer { RidgeField.zero(&along) }
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<height {
                for x in 0..<width {
                    let block = field.blockIndex(x: x, y: y)
                    guard field.foreground[block] else { continue }
                    let angle = field.orientation[block]
                    let dx = cos(angle), dy = sin(angle)  // along the ridge (image y down)
                    var sum: Float = 0, n: Float = 0
                    for k in -3...3 {
                        let sx = x + Int((Float(k) * dx).rounded()), sy = y + Int((Float(k) * dy).rounded())
                        guard sx >= 0, sx < width, sy >= 0, sy < height else { continue }
                        sum += Float(pixels[sy * width + sx]); n += 1
                    }
                    along[y * width + x] = sum / n
                }
            }
        }
        for y in 0..<height {
            for x in 0..<width {
                let block = field.blockIndex(x: x, y: y)
                guard field.foreground[block] else { continue }
                let angle = field.orientation[block]
                let nx = -sin(angle), ny = cos(angle)  // across the ridge
                var sum: Float = 0, n: Float = 0
                for k in -4...4 {
                    let sx = x + Int((Float(k) * nx).rounded()), sy = y + Int((Float(k) * ny).rounded())
                    guard sx >= 0, sx < width, sy >= 0, sy < height else { continue }
                    sum += along[sy * width + sx]; n += 1
                }
                if along[y * width + x] < sum / n { ridges[y * width + x] = 1 }
            }
        }
        return ridges
    }

    /// Zhang–Suen thinning in place: ridges become one pixel wide, keeping their connectivity.
    static func thin(_ image: inout [UInt8], width: Int, height: Int) {
        var changed = true
        var marked: [Int] = []
        image.withUnsafeMutableBufferPointer { pixels in
            while changed {
                changed = false
                for pass in 0..<2 {
                    marked.removeAll(keepingCapacity: true)
                    for y in 1..<(height - 1) {
                        let row = y * width
                        for x in 1..<(width - 1) where pixels[row + x] == 1 {
                            let p2 = pixels[row - width + x], p3 = pixels[row - width + x + 1]
                            let p4 = pixels[row + x + 1], p5 = pixels[row + width + x + 1]
                            let p6 = pixels[row + width + x], p7 = pixels[row + width + x - 1]
                            let p8 = pixels[row + x - 1], p9 = pixels[row - width + x - 1]
                            let count = Int(p2) + Int(p3) + Int(p4) + Int(p5) + Int(p6) + Int(p7) + Int(p8) + Int(p9)
                            guard count >= 2 && count <= 6 else { continue }
                            var transitions = 0
                            if p2 == 0 && p3 == 1 { transitions += 1 }
                            if p3 == 0 && p4 == 1 { transitions += 1 }
                            if p4 == 0 && p5 == 1 { transitions += 1 }
                            if p5 == 0 && p6 == 1 { transitions += 1 }
                            if p6 == 0 && p7 == 1 { transitions += 1 }
                            if p7 == 0 && p8 == 1 { transitions += 1 }
                            if p8 == 0 && p9 == 1 { transitions += 1 }
                            if p9 == 0 && p2 == 1 { transitions += 1 }
                            guard transitions == 1 else { continue }
                            if pass == 0 {
                                guard p2 & p4 & p6 == 0 && p4 & p6 & p8 == 0 else { continue }
                            } else {
                                guard p2 & p4 & p8 == 0 && p2 & p6 & p8 == 0 else { continue }
                            }
                            marked.append(row + x)
                        }
                    }
                    for index in marked { pixels[index] = 0 }
                    if !marked.isEmpty { changed = true }
                }
            }
        }
    }

    /// The minutia's direction (radians, counter-clockwise, image y pointing down): for an ending,
    /// from the ridge towards its end; for a bifurcation, from the stem towards the fork. Nil when
    /// the ridge is too short to tell (a spur or a speck).
    static func direction(of kind: Minutia.Kind, x: Int, y: Int, ridges: [UInt8], width: Int, height: Int) -> Double? {
        let starts = neighbours(x: x, y: y, ridges: ridges, width: width, height: height)
        let length = 10
        var ends: [(Int, Int)] = []
        for start in starts {
            guard let end = trace(from: (x, y), first: start, steps: length, ridges: ridges, width: width, height: height) else { continue }
            ends.append(end)
        }
        func angle(_ from: (Int, Int), _ to: (Int, Int)) -> Double { atan2(Double(from.1 - to.1), Double(to.0 - from.0)) }
        switch kind {
        case .ending:
            guard ends.count == 1 else { return nil }
            return angle(ends[0], (x, y))
        case .bifurcation:
            guard ends.count == 3 else { return nil }
            let angles = ends.map { angle((x, y), $0) }
            func separation(_ a: Double, _ b: Double) -> Double { abs(remainder(a - b, 2 * .pi)) }
            let stem = (0..<3).max { first, second in
                let a = (0..<3).filter { $0 != first }.map { separation(angles[first], angles[$0]) }.min()!
                let b = (0..<3).filter { $0 != second }.map { separation(angles[second], angles[$0]) }.min()!
                return a < b
            }!
            return angle(ends[stem], (x, y))
        case .other:
            return nil
        }
    }

    private static func neighbours(x: Int, y: Int, ridges: [UInt8], width: Int, height: Int) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        for dy in -1...1 {
            for dx in -1...1 where dx != 0 || dy != 0 {
                let nx = x + dx, ny = y + dy
                guard nx >= 0, nx < width, ny >= 0, ny < height, ridges[ny * width + nx] == 1 else { continue }
                result.append((nx, ny))
            }
        }
        return result
    }

    /// Follows the skeleton `steps` pixels from `origin` through `first`; nil if it ends sooner.
    private static func trace(from origin: (Int, Int), first: (Int, Int), steps: Int, ridges: [UInt8], width: Int, height: Int) -> (Int, Int)? {
        var previous = [origin]
        var current = first
        for _ in 1..<steps {
            let next = neighbours(x: current.0, y: current.1, ridges: ridges, width: width, height: height)
                .filter { candidate in !previous.contains { $0 == candidate } && abs(candidate.0 - origin.0) + abs(candidate.1 - origin.1) > 0 }
            guard let step = next.min(by: { abs($0.0 - current.0) + abs($0.1 - current.1) < abs($1.0 - current.0) + abs($1.1 - current.1) }) else {
                return nil
            }
            previous.append(current)
            if previous.count > 3 { previous.removeFirst() }
            current = step
        }
        return current
    }

    /// Drops every minutia that has another within `distance` pixels (broken ridges, spurs, noise).
    static func removeClusters(_ minutiae: [Minutia], within distance: Int) -> [Minutia] {
        let limit = distance * distance
        return minutiae.enumerated().filter { index, minutia in
            !minutiae.enumerated().contains { other, candidate in
                other != index && (candidate.x - minutia.x) * (candidate.x - minutia.x) + (candidate.y - minutia.y) * (candidate.y - minutia.y) <= limit
            }
        }.map(\.element)
    }
}
