public import KioskCore

/// One kiosk's resident feedback on one day: how many residents rated their visit and the ratings
/// (1–5, from the `feedback` ledger entries' `rating=N`).
public struct DailyFeedback: Sendable, Hashable, Codable {
    /// The kiosk (`*` for all kiosks).
    public var kioskID: String
    /// Its name.
    public var kioskName: String
    /// Ratings given.
    public var count: Int
    /// How many residents gave each rating, index 0 = rating 1 … index 4 = rating 5.
    public var byRating: [Int]
    /// The mean rating, two decimals; nil without ratings.
    public var average: Double?

    /// Per kiosk (by id) and for all kiosks (last, id `*`), from the day's `feedback` entries; entries
    /// whose detail is not `rating=1`…`rating=5` are not counted.
    static func build(_ entries: [LedgerEntry], kioskNames: [String: String]) -> [DailyFeedback] {
        var byKiosk: [String: [Int]] = [:]
        for entry in entries {
            guard let detail = entry.record.detail, detail.hasPrefix("rating="), let rating = Int(detail.dropFirst(7)),
                (1...5).contains(rating)
            else { continue }
            byKiosk[entry.record.kioskID, default: [0, 0, 0, 0, 0]][rating - 1] += 1
        }
        func row(_ id: String, _ name: String, _ counts: [Int]) -> DailyFeedback {
            let count = counts.reduce(0, +)
            let sum = counts.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
            let average = count == 0 ? nil : (Double(sum) / Double(count) * 100).rounded() / 100
            return DailyFeedback(kioskID: id, kioskName: name, count: count, byRating: counts, average: average)
        }
        var rows = byKiosk.keys.sorted().map { row($0, kioskNames[$0] ?? "", byKiosk[$0]!) }
        let all = byKiosk.values.reduce([0, 0, 0, 0, 0]) { sum, counts in zip(sum, counts).map { $0 + $1 } }
        rows.append(row("*", "all kiosks", all))
        return rows
    }
}
