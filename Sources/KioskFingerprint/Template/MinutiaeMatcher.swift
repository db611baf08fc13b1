import Foundation

/// 1:1 verification of two minutiae templates. Alignment by a Hough vote over (rotation,
/// translation) from every minutia pair of compatible direction, then greedy pairing of the
/// aligned minutiae by distance and direction for the best-voted alignments. Tolerates rotation
/// (up to `maximumRotationDegrees`), translation, partial overlap (the score counts only minutiae
/// in the area both prints cover) and noise (tolerances on position and angle).
public struct MinutiaeMatcher: Sendable {
    /// Largest rotation between the two captures considered (default 30°).
    public var maximumRotationDegrees: Double
    /// Two aligned minutiae pair when closer than this many pixels (default 12).
    public var distanceTolerance: Double
    /// … and when their directions differ by less than this (default 30°).
    public var angleToleranceDegrees: Double
    /// Score at or above which two templates match (default 10).
    public var threshold: Double
    /// Fewest paired minutiae for a match (default 8).
    public var minimumPairs: Int

    /// A matcher with the given tolerances.
    public init(
        maximumRotationDegrees: Double = 30, distanceTolerance: Double = 12, angleToleranceDegrees: Double = 30,
        threshold: Double = 10, minimumPairs: Int = 8
    ) {
        self.maximumRotationDegrees = maximumRotationDegrees
        self.distanceTolerance = distanceTolerance
        self.angleToleranceDegrees = angleToleranceDegrees
        self.threshold = threshold
        self.minimumPairs = minimumPairs
    }

    /// Overlap counts below this are raised to it, so a few chance pairs in a tiny overlap score low.
    static let overlapFloor = 12

    private struct Point {
        var x: Double
        var y: Double
        var angle: Double
        var kind: Minutia.Kind
    }

    private struct Vote {
        var count = 0
        var cosine = 0.0, sine = 0.0, dx = 0.0, dy = 0.0
    }

    /// Compares `probe` (the fresh capture) with `reference` (the enrolled template).
    public func compare(_ probe: MinutiaeTemplate, _ reference: MinutiaeTemplate) -> MatchResult {
        // Image y points down; flip it so angles and rotations share one counter-clockwise frame.
        let a = probe.minutiae.map { Point(x: Double($0.x), y: -Double($0.y), angle: $0.radians, kind: $0.kind) }
        let b = reference.minutiae.map { Point(x: Double($0.x), y: -Double($0.y), angle: $0.radians, kind: $0.kind) }
        let none = MatchResult(score: 0, pairedMinutiae: 0, rotationDegrees: 0, isMatch: false)
        guard a.count >= 2, b.count >= 2 else { return none }
        let maximumRotation = maximumRotationDegrees * .pi / 180
        let rotationBin = 6 * Double.pi / 180, translationBin = 12.0

        var votes: [Int: Vote] = [:]
        for p in a {
            for q in b {
                let rotation = remainder(q.angle - p.angle, 2 * .pi)
                guard abs(rotation) <= maximumRotation else { continue }
                let c = cos(rotation), s = sin(rotation)
                let dx = q.x - (c * p.x - s * p.y), dy = q.y - (s * p.x + c * p.y)
                let key = Int((rotation / rotationBin).rounded()) &* 1_000_003
                    &+ Int((dx / translationBin).rounded()) &* 1009 &+ Int((dy / translationBin).rounded())
                votes[key, default: Vote()].count += 1
                votes[key]!.cosine += c; votes[key]!.sine += s; votes[key]!.dx += dx; votes[key]!.dy += dy
            }
        }
        var best = none
        // Ties broken by bin key, so the result never depends on dictionary order.
        let ranked = votes.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
        for vote in ranked.prefix(24).map(\.value) {
            var rotation = atan2(vote.sine, vote.cosine)
            let n = Double(vote.count)
            var dx = vote.dx / n, dy = vote.dy / n
            // Refine twice: fit the rigid transform to the pairs found, pair again, keep the best.
            for _ in 0..<3 {
                let (result, pairs) = evaluate(a, b, rotation: rotation, dx: dx, dy: dy)
                if result.score > best.score { best = result }
                guard pairs.count >= 3 else { break }
                (rotation, dx, dy) = Self.fit(pairs.map { (a[$0.0], b[$0.1]) })
                guard abs(rotation) <= maximumRotation else { break }
            }
        }
        return best
    }

    /// The least-squares rotation and translation taking the first points of `pairs` onto the second.
    private static func fit(_ pairs: [(Point, Point)]) -> (Double, Double, Double) {
        let n = Double(pairs.count)
        let ax = pairs.map(\.0.x).reduce(0, +) / n, ay = pairs.map(\.0.y).reduce(0, +) / n
        let bx = pairs.map(\.1.x).reduce(0, +) / n, by = pairs.map(\.1.y).reduce(0, +) / n
        var dot = 0.0, cross = 0.0
        for (p, q) in pairs {
            let px = p.x - ax, py = p.y - ay, qx = q.x - bx, qy = q.y - by
            dot += px * qx + py * qy
            cross += px * qy - py * qx
        }
        let rotation = atan2(cross, dot)
        let c = cos(rotation), s = sin(rotation)
        return (rotation, bx - (c * ax - s * ay), by - (s * ax + c * ay))
    }

    private func evaluate(_ a: [Point], _ b: [Point], rotation: Double, dx: Double, dy: Double) -> (MatchResult, [(Int, Int)]) {
        let c = cos(rotation), s = sin(rotation)
        let moved = a.map { Point(x: c * $0.x - s * $0.y + dx, y: s * $0.x + c * $0.y + dy, angle: $0.angle + rotation, kind: $0.kind) }
        let angleTolerance = angleToleranceDegrees * .pi / 180
        let limit = distanceTolerance * distanceTolerance
        var used = [Bool](repeating: false, count: b.count)
        var pairs = 0
        var paired: [(Int, Int)] = []
        for (probeIndex, p) in moved.enumerated() {
            var bestIndex = -1, bestDistance = limit
            for (index, q) in b.enumerated() where !used[index] {
                let distance = (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)
                guard distance <= bestDistance, abs(remainder(p.angle - q.angle, 2 * .pi)) <= angleTolerance else { continue }
                bestIndex = index
                bestDistance = distance
            }
            if bestIndex >= 0 {
                used[bestIndex] = true
                pairs += 1
                paired.append((probeIndex, bestIndex))
            }
        }
        let overlapA = Self.count(moved, inBoxOf: b, margin: distanceTolerance)
        let overlapB = Self.count(b, inBoxOf: moved, margin: distanceTolerance)
        let floor = Double(Self.overlapFloor)
        let score = 100 * Double(pairs * pairs) / (max(Double(overlapA), floor) * max(Double(overlapB), floor))
        let result = MatchResult(
            score: min(100, score), pairedMinutiae: pairs, rotationDegrees: rotation * 180 / .pi,
            isMatch: score >= threshold && pairs >= minimumPairs)
        return (result, paired)
    }

    private static func count(_ points: [Point], inBoxOf other: [Point], margin: Double) -> Int {
        guard let minX = other.map(\.x).min(), let maxX = other.map(\.x).max(),
              let minY = other.map(\.y).min(), let maxY = other.map(\.y).max() else { return 0 }
        return points.filter { $0.x >= minX - margin && $0.x <= maxX + margin && $0.y >= minY - margin && $0.y <= maxY + margin }.count
    }
}
