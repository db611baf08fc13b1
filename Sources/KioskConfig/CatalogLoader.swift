import Foundation
public import KioskCore

/// Loads and validates a catalog file (`etc/catalog.toml`). Every problem is reported as
/// `file:line: key: what is wrong (document CODE)`, all at once; a file with any problem yields no catalog,
/// so the caller keeps its last good one.
public enum CatalogLoader {
    /// Keys a `[[documents]]` entry may have.
    static let documentKeys: Set<String> = [
        "code", "nameKo", "nameEn", "category", "agency", "identity", "kioskFee", "counterFee", "outOfDistrictFee",
        "scope", "exemptions", "pageSurcharge", "options", "serviceWindow",
    ]

    /// Reads and validates the catalog at `path` (named `path` in diagnostics).
    public static func load(path: String) throws(ConfigDiagnostics) -> Catalog {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigDiagnostics([ConfigDiagnostic(file: path, line: 0, key: "", message: "cannot read the catalog: \(error.localizedDescription)")])
        }
        return try parse(text, file: path)
    }

    /// Validates catalog TOML `text`, naming `file` in diagnostics.
    public static func parse(_ text: String, file: String) throws(ConfigDiagnostics) -> Catalog {
        let root = try ConfigDocument.parse(text, file: file)
        var reader = ConfigReader(file: file)
        reader.rejectUnknownKeys(root, allowed: ["version", "documents"])
        let version = reader.integer(root, "version", required: true)
        if let version, version < 1, let node = root["version"] { reader.report(node, "must be at least 1") }
        var documents: [DocumentType] = []
        var firstLineByCode: [String: Int] = [:]
        if let tables = reader.tables(root, "documents", required: true) {
            if tables.isEmpty, let node = root["documents"] { reader.report(node, "the catalog has no documents") }
            for table in tables {
                guard let document = readDocument(table, reader: &reader) else { continue }
                if let first = firstLineByCode[document.code] {
                    reader.report(table["code"]!, "duplicate code \(document.code) (first defined on line \(first))")
                    continue
                }
                firstLineByCode[document.code] = table["code"]?.line ?? table.line
                documents.append(document)
            }
        }
        try reader.finish()
        return Catalog(version: version ?? 1, documents: documents)
    }

    private static func readDocument(_ table: ConfigTable, reader: inout ConfigReader) -> DocumentType? {
        let before = reader.diagnostics.count
        let code = reader.string(table, "code", required: true)
        let suffix = code.map { " (document \($0))" } ?? ""
        func problem(_ key: String, _ message: String) {
            if let node = table[key] { reader.report(node, message + suffix) }
        }
        reader.rejectUnknownKeys(table, allowed: documentKeys)
        if let code, code.isEmpty || !code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }) {
            problem("code", "must be upper-case ASCII letters, digits and '-'")
        }
        var texts: [String: String] = [:]
        for key in ["nameKo", "nameEn", "category", "agency"] {
            if let value = reader.string(table, key, required: true) {
                if value.trimmingCharacters(in: .whitespaces).isEmpty { problem(key, "must not be empty") }
                texts[key] = value
            }
        }
        var identity: IdentityRequirement?
        if let text = reader.string(table, "identity", required: true) {
            identity = IdentityRequirement(rawValue: text)
            if identity == nil { problem("identity", "must be \"fingerprint\" or \"none\", not \"\(text)\"") }
        }
        func fee(_ key: String, required: Bool) -> Money? {
            guard let won = reader.integer(table, key, required: required) else { return nil }
            if won < 0 {
                problem(key, "must not be negative")
                return nil
            }
            return Money(won: won)
        }
        let kioskFee = fee("kioskFee", required: true)
        let counterFee = fee("counterFee", required: false)
        let outOfDistrictFee = fee("outOfDistrictFee", required: false)
        var scope = DocumentScope.nationwide
        if let text = reader.string(table, "scope") {
            if let value = DocumentScope(rawValue: text) { scope = value } else {
                problem("scope", "must be \"nationwide\" or \"in-district\", not \"\(text)\"")
            }
        }
        if scope == .inDistrict && outOfDistrictFee != nil {
            problem("outOfDistrictFee", "an in-district document has no out-of-district fee")
        }
        let exemptions = readExemptions(table, reader: &reader, suffix: suffix)
        var surcharge: PageSurcharge?
        if let node = table["pageSurcharge"] {
            if let rule = reader.table(table, "pageSurcharge") {
                reader.rejectUnknownKeys(rule, allowed: ["includedPages", "perExtraPage"])
                let included = reader.integer(rule, "includedPages", required: true)
                let perPage = reader.integer(rule, "perExtraPage", required: true)
                if let included, included < 1 { reader.report(rule["includedPages"]!, "must be at least 1" + suffix) }
                if let perPage, perPage < 0 { reader.report(rule["perExtraPage"]!, "must not be negative" + suffix) }
                if let included, let perPage, included >= 1, perPage >= 0 {
                    surcharge = PageSurcharge(includedPages: included, perExtraPage: Money(won: perPage))
                }
            }
            _ = node
        }
        let options = readOptions(table, reader: &reader, suffix: suffix)
        var window: OpeningHours?
        if let rule = reader.string(table, "serviceWindow") {
            do {
                window = try OpeningHours(parsing: rule)
            } catch {
                problem("serviceWindow", "rule does not parse: \(error)")
            }
        }
        guard reader.diagnostics.count == before, let code, let identity, let kioskFee else { return nil }
        return DocumentType(
            code: code, nameKo: texts["nameKo"]!, nameEn: texts["nameEn"]!, category: texts["category"]!,
            agency: texts["agency"]!, identity: identity, kioskFee: kioskFee, counterFee: counterFee,
            outOfDistrictFee: scope == .nationwide ? (outOfDistrictFee ?? kioskFee) : nil, pageSurcharge: surcharge,
            options: options, scope: scope, serviceWindow: window, exemptions: exemptions)
    }

    private static func readExemptions(_ table: ConfigTable, reader: inout ConfigReader, suffix: String) -> [ExemptionKind] {
        guard let node = table["exemptions"] else { return [] }
        if case .string(let text) = node.value {
            if text == "all" { return ExemptionKind.all }
            reader.report(node, "must be \"all\" or a list of exemption kinds" + suffix)
            return []
        }
        guard let ids = reader.strings(table, "exemptions") else { return [] }
        var kinds: [ExemptionKind] = []
        for (offset, id) in ids.enumerated() {
            if let kind = ExemptionKind(id: id) {
                kinds.append(kind)
            } else {
                let element: ConfigNode = {
                    if case .array(let nodes) = node.value, offset < nodes.count { return nodes[offset] }
                    return node
                }()
                reader.report(element, "unknown exemption \"\(id)\" (known: \(ExemptionKind.all.map(\.id).joined(separator: ", ")))" + suffix)
            }
        }
        return kinds
    }

    private static func readOptions(_ table: ConfigTable, reader: inout ConfigReader, suffix: String) -> [DocumentOption] {
        guard let tables = reader.tables(table, "options") else { return [] }
        var options: [DocumentOption] = []
        for optionTable in tables {
            reader.rejectUnknownKeys(optionTable, allowed: ["key", "choices", "default"])
            guard let key = reader.string(optionTable, "key", required: true) else { continue }
            guard let known = DocumentOption.known[key] else {
                reader.report(optionTable["key"]!, "unknown option \"\(key)\" (known: \(DocumentOption.known.keys.sorted().joined(separator: ", ")))" + suffix)
                continue
            }
            if options.contains(where: { $0.key == key }) {
                reader.report(optionTable["key"]!, "option \"\(key)\" is given twice" + suffix)
                continue
            }
            let knownValues = known.choices.map(\.value)
            var values = knownValues
            if let choices = reader.strings(optionTable, "choices") {
                let unknown = choices.filter { !knownValues.contains($0) }
                if !unknown.isEmpty {
                    reader.report(optionTable["choices"]!, "unknown choice \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")) for option \"\(key)\" (known: \(knownValues.joined(separator: ", ")))" + suffix)
                    continue
                }
                if choices.count < 2 || Set(choices).count != choices.count {
                    reader.report(optionTable["choices"]!, "an option needs at least two different choices" + suffix)
                    continue
                }
                values = choices
            }
            let defaultValue = reader.string(optionTable, "default")
            if let defaultValue {
                if known.explicitChoiceRequired {
                    reader.report(optionTable["default"]!, "option \"\(key)\" must be chosen explicitly by the resident; it may not have a default" + suffix)
                    continue
                }
                if !values.contains(defaultValue) {
                    reader.report(optionTable["default"]!, "default \"\(defaultValue)\" is not one of the choices of \"\(key)\"" + suffix)
                    continue
                }
            }
            options.append(known.restricted(to: values, defaultValue: defaultValue))
        }
        return options
    }
}
