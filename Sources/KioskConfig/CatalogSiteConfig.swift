public import KioskCore

/// The `[catalog]` table of kiosk.toml: where the catalog file is and this site's overrides.
///
/// ```toml
/// [catalog]
/// path = "/etc/kiosk/catalog.toml"     # optional
/// disabled = ["RG-CORPORATE"]          # documents this kiosk does not offer
/// districtCodes = ["48170"]            # 5-digit 시군구 codes that count as in district
/// [catalog.fees]                       # fees by local ordinance, won per copy
/// RR-DEUNGBON = 0
/// ```
public struct CatalogSiteConfig: Sendable, Hashable {
    /// Catalog file path, if given.
    public var path: String?
    /// Disabled documents, fee overrides and the district.
    public var overrides: CatalogOverrides

    /// A site configuration.
    public init(path: String? = nil, overrides: CatalogOverrides = CatalogOverrides()) {
        self.path = path
        self.overrides = overrides
    }

    /// Reads a `[catalog]` table, reporting problems to `reader` (the kiosk config loader calls
    /// `reader.finish()`). When `catalog` is given, document codes are checked against it.
    public static func read(_ table: ConfigTable, reader: inout ConfigReader, catalog: Catalog?) -> CatalogSiteConfig {
        reader.rejectUnknownKeys(table, allowed: ["path", "disabled", "fees", "districtCodes"])
        var config = CatalogSiteConfig()
        if let path = reader.string(table, "path") {
            if path.isEmpty { reader.report(table["path"]!, "must not be empty") } else { config.path = path }
        }
        func checkCode(_ code: String, _ node: ConfigNode) -> Bool {
            if let catalog, catalog[code] == nil {
                reader.report(node, "unknown document code \(code) (not in catalog version \(catalog.version))")
                return false
            }
            return true
        }
        if let nodes = reader.array(table, "disabled") {
            for node in nodes {
                guard case .string(let code) = node.value else {
                    reader.report(node, "expected a document code string, found \(node.value.typeName)")
                    continue
                }
                if checkCode(code, node) { config.overrides.disabled.insert(code) }
            }
        }
        if let fees = reader.table(table, "fees") {
            for (code, node) in fees.entries {
                guard case .integer(let won) = node.value else {
                    reader.report(node, "expected a fee in won (integer), found \(node.value.typeName) (document \(code))")
                    continue
                }
                guard won >= 0 else {
                    reader.report(node, "must not be negative (document \(code))")
                    continue
                }
                if checkCode(code, node) { config.overrides.fees[code] = Money(won: won) }
            }
        }
        if let nodes = reader.array(table, "districtCodes") {
            for node in nodes {
                guard case .string(let code) = node.value, code.count == 5, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    reader.report(node, "expected a 5-digit 시군구 code string such as \"48170\"")
                    continue
                }
                config.overrides.districtCodes.insert(code)
            }
        }
        return config
    }
}
