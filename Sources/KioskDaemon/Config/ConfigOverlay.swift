import Foundation
import KioskConfig
import KioskCore
import KioskSync

/// A configuration document from central, laid over kiosk.toml's values: opening hours, fees by
/// document code, per-document windows and extra closed days. Everything else stays kiosk.toml's.
/// Codable so the applied one can be kept in the state folder and re-applied at start.
struct ConfigOverlay: Sendable, Equatable, Codable {
    /// Central's effective version, `d<district>-k<kiosk>`.
    var version: String
    /// The district document's version (0: none).
    var districtVersion: Int
    /// The kiosk document's version (0: none).
    var kioskVersion: Int
    /// The effective document.
    var document: KioskConfigDocument

    /// The overlay central answered.
    init(answer: KioskConfigAnswer) {
        version = answer.version
        districtVersion = answer.districtVersion
        kioskVersion = answer.kioskVersion
        document = answer.config
    }

    /// Whether central's `answer` is newer than this overlay: neither part's version went back and one
    /// went forward (central's versions only grow per district and per kiosk).
    func isOlder(than answer: KioskConfigAnswer) -> Bool {
        answer.districtVersion >= districtVersion && answer.kioskVersion >= kioskVersion
            && (answer.districtVersion, answer.kioskVersion) != (districtVersion, kioskVersion)
    }

    /// Every reason this overlay cannot run over `base` (empty: it can), checked with the rules kioskd
    /// applies to kiosk.toml: hours and windows must parse, fees and windows must name documents of the
    /// loaded catalog, fees lie within 0…1,000,000 won, the catalog version (if set) is the one loaded,
    /// extra closed days are real dates `YYYY-MM-DD`.
    func problems(over base: KioskConfiguration) -> [String] {
        var messages: [String] = []
        let catalog = base.catalog
        if let wanted = document.catalogVersion, wanted != String(catalog.version) {
            messages.append("catalogVersion: \(wanted) is asked for but this kiosk has catalog version \(catalog.version) (\(base.catalogPath))")
        }
        if let hours = document.hours {
            do throws(OpeningHoursError) { _ = try OpeningHours(parsing: hours) } catch {
                messages.append("hours: bad rule \"\(hours)\": \(error.description)")
            }
        }
        for (code, won) in (document.feeOverridesWon ?? [:]).sorted(by: { $0.key < $1.key }) {
            if catalog[code] == nil { messages.append("feeOverridesWon.\(code): unknown document code (not in catalog version \(catalog.version))") }
            if won < 0 || won > 1_000_000 { messages.append("feeOverridesWon.\(code): \(won) won is outside 0…1,000,000") }
        }
        for (code, rule) in (document.documentWindows ?? [:]).sorted(by: { $0.key < $1.key }) {
            if catalog[code] == nil { messages.append("documentWindows.\(code): unknown document code (not in catalog version \(catalog.version))") }
            do throws(OpeningHoursError) { _ = try OpeningHours(parsing: rule) } catch {
                messages.append("documentWindows.\(code): bad rule \"\(rule)\": \(error.description)")
            }
        }
        for text in document.extraHolidays ?? [] where Self.localDate(text) == nil {
            messages.append("extraHolidays: \"\(text)\" is not a date YYYY-MM-DD")
        }
        return messages
    }

    /// `base` with this overlay's hours, fees and windows. Parts that do not fit `base` (a rule that
    /// does not parse, a code the catalog lacks) are left out; `problems(over:)` refuses such an overlay
    /// before it is ever applied, so this only matters after a SIGHUP changed the catalog underneath.
    func applied(to base: KioskConfiguration) -> KioskConfiguration {
        var result = base
        if let hours = document.hours, let parsed = try? OpeningHours(parsing: hours) {
            result.kiosk.hours = hours
            result.kiosk.openingHours = parsed
        }
        for (code, won) in document.feeOverridesWon ?? [:] where base.catalog[code] != nil && won >= 0 {
            result.catalogOverrides.fees[code] = Money(won: won)
        }
        if let windows = document.documentWindows, !windows.isEmpty {
            let documents = base.catalog.documents.map { document -> DocumentType in
                var document = document
                if let rule = windows[document.code], let parsed = try? OpeningHours(parsing: rule) { document.serviceWindow = parsed }
                return document
            }
            result.catalog = Catalog(version: base.catalog.version, documents: documents)
        }
        return result
    }

    /// The extra closed days as holidays (named after central).
    var holidays: [Holiday] {
        (document.extraHolidays ?? []).compactMap(Self.localDate).map {
            Holiday(date: $0, name: "Closed (central configuration)", nameKo: "휴무 (중앙 설정)")
        }
    }

    /// `YYYY-MM-DD` as a local date, or nil.
    static func localDate(_ text: String) -> LocalDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
