import Foundation

/// One measured figure, with the baseline measured in the same run when the issue names one.
struct BenchFigure {
    var name: String
    var value: Double
    var unit: String
    var baseline: Double?

    /// The line `make bench` prints.
    var line: String {
        let ratio = baseline.map { $0 == 0 ? "-" : String(format: "%.3f", value / $0) } ?? "-"
        return "bench \(name): \(Self.format(value)) \(unit) baseline=\(baseline.map(Self.format) ?? "-") ratio=\(ratio)"
    }

    private static func format(_ number: Double) -> String {
        number >= 100 ? String(format: "%.0f", number) : String(format: "%.3f", number)
    }
}

/// Measures how long `body` takes, on the continuous clock.
func measureSeconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}
