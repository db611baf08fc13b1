import Foundation
import KioskCore

/// Benchmarks of the hours evaluator over the rules in etc/hours-examples.txt (issue 3 targets:
/// ≥ 1,000,000 `isOpen`/s and ≥ 100,000 `nextChange`/s on one core), with the built-in Korean calendar.
func hoursBenchmarks() async throws -> [BenchFigure] {
    let rules = try loadHoursExamples().map { try OpeningHours(parsing: $0) }
    let calendar = HolidayCalendar.korean
    // Instants spread over 2026 (every 7 minutes and 13 seconds), the same for every rule.
    let start = SeoulTime.date(LocalDate(year: 2026, month: 1, day: 1)!).timeIntervalSince1970
    let instants = (0..<20_000).map { Date(timeIntervalSince1970: start + Double($0) * 433) }

    var openCount = 0
    let isOpenRounds = 10
    let isOpenSeconds = measureSeconds {
        for _ in 0..<isOpenRounds {
            for hours in rules {
                for instant in instants where hours.isOpen(at: instant, calendar: calendar) { openCount += 1 }
            }
        }
    }
    var changeCount = 0
    let nextChangeSeconds = measureSeconds {
        for hours in rules {
            for instant in instants where hours.nextChange(after: instant, calendar: calendar) != nil { changeCount += 1 }
        }
    }
    // Keep the results observable so the loops are not optimised away.
    if openCount < 0 || changeCount < 0 { print("impossible") }
    let isOpenEvaluations = Double(isOpenRounds * rules.count * instants.count)
    let nextChangeEvaluations = Double(rules.count * instants.count)
    return [
        BenchFigure(name: "hours.isOpen", value: isOpenEvaluations / isOpenSeconds, unit: "evals/s", baseline: nil),
        BenchFigure(name: "hours.nextChange", value: nextChangeEvaluations / nextChangeSeconds, unit: "evals/s", baseline: nil),
    ]
}

/// The rules of etc/hours-examples.txt (from the current directory, else from the source tree).
private func loadHoursExamples() throws -> [String] {
    let relative = "etc/hours-examples.txt"
    let path = FileManager.default.fileExists(atPath: relative)
        ? relative
        : URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(relative).path
    return try String(contentsOfFile: path, encoding: .utf8)
        .split(separator: "\n")
        .map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }
}
