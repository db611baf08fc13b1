public import Foundation
public import KioskCore
public import KioskSync

/// Checks a configuration document before central stores it, so a kiosk never receives one that its
/// own validation would refuse for these reasons.
public enum ConfigValidation {
    /// Parses `json` as a `KioskConfigDocument` and checks every field; answers the document or throws
    /// naming each problem.
    /// - Throws: `ConfigValidation.Problems` listing what is wrong (bad JSON, unknown or negative fee,
    ///   unparsable hours or window, impossible date).
    public static func validate(json: Data) throws(Problems) -> KioskConfigDocument {
        let document: KioskConfigDocument
        do {
            document = try WireCoding.decoder().decode(KioskConfigDocument.self, from: json)
        } catch {
            throw Problems(messages: ["not a configuration document: \(error)"])
        }
        var messages: [String] = []
        let known: Swift.Set<String> = ["catalogVersion", "feeOverridesWon", "hours", "documentWindows", "extraHolidays"]
        if let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] {
            for key in object.keys.sorted() where !known.contains(key) {
                messages.append("\(key): unknown key (known: \(known.sorted().joined(separator: ", ")))")
            }
        }
        for (code, won) in (document.feeOverridesWon ?? [:]).sorted(by: { $0.key < $1.key }) {
            if code.isEmpty { messages.append("feeOverridesWon: an empty document code") }
            if won < 0 || won > 1_000_000 { messages.append("feeOverridesWon.\(code): \(won) won is outside 0…1,000,000") }
        }
        if let hours = document.hours {
            do throws(OpeningHoursError) { _ = try OpeningHours(parsing: hours) } catch {
                messages.append("hours: bad rule \"\(hours)\": \(error.description)")
            }
        }
        for (code, rule) in (document.documentWindows ?? [:]).sorted(by: { $0.key < $1.key }) {
            do throws(OpeningHoursError) { _ = try OpeningHours(parsing: rule) } catch {
                messages.append("documentWindows.\(code): bad rule \"\(rule)\": \(error.description)")
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .gmt
        for date in document.extraHolidays ?? [] {
            let parts = date.split(separator: "-", omittingEmptySubsequences: false)
            let valid =
                parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
                && DateComponents(year: Int(parts[0]), month: Int(parts[1]), day: Int(parts[2])).isValidDate(in: calendar)
            if !valid { messages.append("extraHolidays: \"\(date)\" is not a date YYYY-MM-DD") }
        }
        if let version = document.catalogVersion, version.isEmpty { messages.append("catalogVersion: empty") }
        guard messages.isEmpty else { throw Problems(messages: messages) }
        return document
    }

    /// Every problem found in a document.
    public struct Problems: Error, Sendable, Hashable, CustomStringConvertible {
        /// One sentence per problem.
        public var messages: [String]
        /// The problems, one per line.
        public var description: String { messages.joined(separator: "\n") }
    }
}
