import Foundation
import KioskConfig
import KioskCore
import Testing

@Suite struct CatalogLoaderTests {
    /// The repository's etc/catalog.toml.
    static let defaultCatalogPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("etc/catalog.toml").path

    @Test func defaultCatalogLoadsAndRespectsTheFacts() throws {
        let catalog = try CatalogLoader.load(path: Self.defaultCatalogPath)
        #expect(catalog.version >= 1)
        #expect(catalog.count == 101)
        #expect(Set(catalog.documents.map(\.code)).count == catalog.count)
        func check(_ code: String, kiosk: Int, counter: Int?, identity: IdentityRequirement, scope: DocumentScope = .nationwide,
                   out: Int? = nil) throws {
            let document = try #require(catalog[code], "\(code) missing")
            #expect(document.kioskFee == Money(won: kiosk), "\(code)")
            #expect(document.counterFee == counter.map { Money(won: $0) }, "\(code)")
            #expect(document.identity == identity, "\(code)")
            #expect(document.scope == scope, "\(code)")
            if scope == .inDistrict { #expect(document.outOfDistrictFee == nil) }
            if let out { #expect(document.outOfDistrictFee == Money(won: out), "\(code)") }
        }
        // domain-facts.md §1.1 and §1.4.
        try check("RR-DEUNGBON", kiosk: 200, counter: 400, identity: .fingerprint)
        try check("RR-CHOBON", kiosk: 200, counter: 400, identity: .fingerprint)
        try check("FR-FAMILY", kiosk: 500, counter: 1000, identity: .fingerprint)
        try check("RM-FULL", kiosk: 500, counter: 1000, identity: .fingerprint)
        try check("RM-ABSTRACT", kiosk: 300, counter: nil, identity: .fingerprint)
        try check("MMA-RECORD", kiosk: 0, counter: nil, identity: .fingerprint)
        try check("LD-LAND", kiosk: 500, counter: 500, identity: .none, out: 500)
        try check("LD-PRICE", kiosk: 800, counter: nil, identity: .none)
        try check("LD-USE-PLAN", kiosk: 1000, counter: 1000, identity: .none)
        try check("BD-GENERAL", kiosk: 500, counter: 500, identity: .none, scope: .inDistrict)
        try check("LT-ITEMIZED", kiosk: 800, counter: 800, identity: .fingerprint, scope: .inDistrict)
        try check("RG-REAL-ESTATE", kiosk: 1000, counter: 1200, identity: .none)
        try check("AG-FARMLAND", kiosk: 1000, counter: nil, identity: .fingerprint, scope: .inDistrict)
        try check("VH-REGISTER-A", kiosk: 300, counter: 300, identity: .fingerprint)
        try check("CM-REGISTER-B", kiosk: 500, counter: nil, identity: .fingerprint, out: 1500)
        try check("FS-VESSEL", kiosk: 700, counter: nil, identity: .fingerprint, scope: .inDistrict)
        // §1.4: resident-registration exemptions; §1.5: options, with the explicit choices.
        let deungbon = try #require(catalog["RR-DEUNGBON"])
        #expect(deungbon.exemptions == ExemptionKind.all)
        #expect(deungbon.option("mask-rrn")?.defaultValue == nil)
        let chobon = try #require(catalog["RR-CHOBON"])
        #expect(chobon.option("address-history")?.defaultValue == nil)
        #expect(chobon.option("military-record")?.defaultValue == nil)
        #expect(chobon.option("purpose")?.defaultValue == "submission")
        // No document other than fee-charging ones declares an exemption, and free documents cost 0.
        #expect(catalog.documents.filter { $0.category == "national-tax" }.allSatisfy { $0.kioskFee == .zero })
    }

    // MARK: error classes

    static let valid = """
        version = 2

        [[documents]]
        code = "RR-CHOBON"
        nameKo = "주민등록표 초본"
        nameEn = "Resident Registration Record (abstract)"
        category = "resident-registration"
        agency = "MOIS"
        identity = "fingerprint"
        kioskFee = 200
        counterFee = 400
        exemptions = ["basic-livelihood"]
        options = [{ key = "address-history" }, { key = "purpose", choices = ["submission", "confirmation"], default = "confirmation" }]
        serviceWindow = "Mo-Fr 09:00-18:00; PH off"

        [[documents]]
        code = "LD-LAND"
        nameKo = "토지대장"
        nameEn = "Land Ledger"
        category = "land"
        agency = "MOLIT"
        identity = "none"
        kioskFee = 500
        outOfDistrictFee = 700
        pageSurcharge = { includedPages = 1, perExtraPage = 100 }
        """

    @Test func validCatalogParses() throws {
        let catalog = try CatalogLoader.parse(Self.valid, file: "catalog.toml")
        #expect(catalog.version == 2 && catalog.count == 2)
        let chobon = try #require(catalog["RR-CHOBON"])
        #expect(chobon.option("purpose")?.defaultValue == "confirmation")
        #expect(chobon.serviceWindow == (try OpeningHours(parsing: "Mo-Fr 09:00-18:00; PH off")))
        #expect(chobon.outOfDistrictFee == Money(won: 200))
        #expect(catalog["LD-LAND"]?.pageSurcharge == PageSurcharge(includedPages: 1, perExtraPage: Money(won: 100)))
    }

    /// Replaces the first occurrence of `old` in the valid catalog and expects exactly one diagnostic.
    private func diagnostic(replacing old: String, with new: String) throws -> ConfigDiagnostic {
        let text = Self.valid.replacingOccurrences(of: old, with: new, options: [], range: Self.valid.range(of: old))
        #expect(text != Self.valid, "test replacement did not apply")
        do {
            _ = try CatalogLoader.parse(text, file: "catalog.toml")
        } catch {
            #expect(error.diagnostics.count == 1, "\(error)")
            return try #require(error.diagnostics.first)
        }
        Issue.record("no error for \(new)")
        return ConfigDiagnostic(file: "", line: 0, key: "", message: "")
    }

    @Test func negativeFeeNamesFileLineKeyAndDocument() throws {
        let problem = try diagnostic(replacing: "kioskFee = 200", with: "kioskFee = -200")
        #expect(problem.description == "catalog.toml:10: documents[0].kioskFee: must not be negative (document RR-CHOBON)")
    }

    @Test(arguments: [
        ("kioskFee = 500", "kioskFee = \"500\"", 23, "documents[1].kioskFee", "expected an integer"),
        ("counterFee = 400", "counterFee = -1", 11, "documents[0].counterFee", "must not be negative (document RR-CHOBON)"),
        ("outOfDistrictFee = 700", "outOfDistrictFee = -700", 24, "documents[1].outOfDistrictFee", "must not be negative (document LD-LAND)"),
        ("identity = \"none\"", "identity = \"pin\"", 22, "documents[1].identity", "\"fingerprint\" or \"none\""),
        ("outOfDistrictFee = 700", "scope = \"in-district\"\noutOfDistrictFee = 700", 25, "documents[1].outOfDistrictFee", "in-district document has no out-of-district fee"),
        ("kioskFee = 500", "kioskFee = 500\nscope = \"city\"", 24, "documents[1].scope", "\"nationwide\" or \"in-district\""),
        ("code = \"LD-LAND\"", "code = \"RR-CHOBON\"", 17, "documents[1].code", "duplicate code RR-CHOBON (first defined on line 4)"),
        ("code = \"LD-LAND\"", "code = \"ld land\"", 17, "documents[1].code", "upper-case ASCII"),
        ("nameKo = \"토지대장\"", "nameKo = \" \"", 18, "documents[1].nameKo", "must not be empty"),
        ("agency = \"MOLIT\"\n", "", 16, "documents[1].agency", "required string is missing"),
        ("exemptions = [\"basic-livelihood\"]", "exemptions = [\"students\"]", 12, "documents[0].exemptions[0]", "unknown exemption \"students\""),
        ("exemptions = [\"basic-livelihood\"]", "exemptions = \"some\"", 12, "documents[0].exemptions", "\"all\" or a list"),
        ("includedPages = 1", "includedPages = 0", 25, "documents[1].pageSurcharge.includedPages", "at least 1 (document LD-LAND)"),
        ("{ key = \"address-history\" }", "{ key = \"font-size\" }", 13, "documents[0].options[0].key", "unknown option \"font-size\""),
        ("choices = [\"submission\", \"confirmation\"]", "choices = [\"submission\", \"draft\"]", 13, "documents[0].options[1].choices", "unknown choice \"draft\""),
        ("{ key = \"address-history\" }", "{ key = \"mask-rrn\", default = \"mask\" }", 13, "documents[0].options[0].default", "must be chosen explicitly"),
        ("default = \"confirmation\"", "default = \"archive\"", 13, "documents[0].options[1].default", "not one of the choices"),
        ("{ key = \"address-history\" }", "{ key = \"purpose\" }", 13, "documents[0].options[1].key", "given twice"),
        ("serviceWindow = \"Mo-Fr 09:00-18:00; PH off\"", "serviceWindow = \"Mo-Fr 09:00-18:00; SH off\"", 14, "documents[0].serviceWindow", "rule does not parse: position 20: school holidays"),
        ("kioskFee = 500", "kioskFee = 500\nfee = 3", 24, "documents[1].fee", "unknown key"),
        ("version = 2", "version = 0", 1, "version", "at least 1"),
        ("version = 2", "version = 2\nowner = \"x\"", 2, "owner", "unknown key"),
    ])
    func eachErrorClass(_ old: String, _ new: String, _ line: Int, _ key: String, _ fragment: String) throws {
        let problem = try diagnostic(replacing: old, with: new)
        #expect(problem.file == "catalog.toml")
        #expect(problem.line == line, "\(problem)")
        #expect(problem.key == key, "\(problem)")
        #expect(problem.message.contains(fragment), "\(problem)")
    }

    @Test func everyProblemIsReportedAtOnce() {
        let text = Self.valid.replacingOccurrences(of: "kioskFee = 200", with: "kioskFee = -1")
            .replacingOccurrences(of: "kioskFee = 500", with: "kioskFee = -5")
        do {
            _ = try CatalogLoader.parse(text, file: "catalog.toml")
            Issue.record("accepted negative fees")
        } catch {
            #expect(error.diagnostics.map(\.line) == [10, 23])
            #expect(error.description.split(separator: "\n").count == 2)
        }
    }

    @Test func syntaxErrorsMissingDocumentsAndMissingFiles() {
        #expect(throws: ConfigDiagnostics.self) { try CatalogLoader.parse("version = \n", file: "c.toml") }
        do {
            _ = try CatalogLoader.parse("version = 1\n", file: "c.toml")
        } catch {
            #expect(error.diagnostics.first?.key == "documents")
            #expect(error.diagnostics.first?.message.contains("missing") == true)
        }
        do {
            _ = try CatalogLoader.parse("version = 1\ndocuments = []\n", file: "c.toml")
        } catch {
            #expect(error.diagnostics.first?.message.contains("no documents") == true)
        }
        do {
            _ = try CatalogLoader.load(path: "/nonexistent/catalog.toml")
        } catch {
            #expect(error.diagnostics.first?.line == 0)
            #expect(error.description.hasPrefix("/nonexistent/catalog.toml:0: cannot read the catalog"))
        }
    }

    @Test func reloadKeepsTheLastGoodCatalog() throws {
        let current = try CatalogLoader.parse(Self.valid, file: "catalog.toml")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-reload-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("catalog.toml")

        try Self.valid.replacingOccurrences(of: "kioskFee = 200", with: "kioskFee = -1").write(to: file, atomically: true, encoding: .utf8)
        guard case .kept(let kept, let problems) = CatalogLoader.reload(path: file.path, keeping: current) else {
            Issue.record("an invalid file replaced the catalog")
            return
        }
        #expect(kept == current && problems.diagnostics.first?.key == "documents[0].kioskFee")

        try Self.valid.replacingOccurrences(of: "version = 2", with: "version = 1").write(to: file, atomically: true, encoding: .utf8)
        guard case .kept(_, let older) = CatalogLoader.reload(path: file.path, keeping: current) else {
            Issue.record("an older version replaced the catalog")
            return
        }
        #expect(older.description.contains("older"))

        try Self.valid.replacingOccurrences(of: "version = 2", with: "version = 3").write(to: file, atomically: true, encoding: .utf8)
        guard case .loaded(let newer) = CatalogLoader.reload(path: file.path, keeping: current) else {
            Issue.record("a valid newer catalog was not loaded")
            return
        }
        #expect(newer.version == 3)
    }

    // MARK: [catalog] in kiosk.toml

    @Test func siteConfigReadsOverrides() throws {
        let catalog = try CatalogLoader.parse(Self.valid, file: "catalog.toml")
        let root = try ConfigDocument.parse("""
            [catalog]
            path = "/etc/kiosk/catalog.toml"
            disabled = ["LD-LAND"]
            districtCodes = ["48170"]
            [catalog.fees]
            RR-CHOBON = 0
            """, file: "kiosk.toml")
        var reader = ConfigReader(file: "kiosk.toml")
        let catalogTable = reader.table(root, "catalog")
        let table = try #require(catalogTable)
        let site = CatalogSiteConfig.read(table, reader: &reader, catalog: catalog)
        try reader.finish()
        #expect(site.path == "/etc/kiosk/catalog.toml")
        #expect(site.overrides.disabled == ["LD-LAND"])
        #expect(site.overrides.fees == ["RR-CHOBON": .zero])
        #expect(site.overrides.districtCodes == ["48170"])
        let applied = catalog.applying(site.overrides)
        #expect(applied.count == 1 && applied["RR-CHOBON"]?.kioskFee == .zero)
    }

    @Test(arguments: [
        ("disabled = [\"XX-NONE\"]", 2, "catalog.disabled[0]", "unknown document code XX-NONE"),
        ("[catalog.fees]\nRR-CHOBON = -10", 3, "catalog.fees.RR-CHOBON", "must not be negative (document RR-CHOBON)"),
        ("[catalog.fees]\nRR-CHOBON = \"free\"", 3, "catalog.fees.RR-CHOBON", "expected a fee in won"),
        ("[catalog.fees]\nXX-NONE = 0", 3, "catalog.fees.XX-NONE", "unknown document code"),
        ("districtCodes = [\"Jinju\"]", 2, "catalog.districtCodes[0]", "5-digit"),
        ("hours = \"24/7\"", 2, "catalog.hours", "unknown key"),
    ])
    func siteConfigErrors(_ body: String, _ line: Int, _ key: String, _ fragment: String) throws {
        let catalog = try CatalogLoader.parse(Self.valid, file: "catalog.toml")
        let root = try ConfigDocument.parse("[catalog]\n" + body + "\n", file: "kiosk.toml")
        var reader = ConfigReader(file: "kiosk.toml")
        let catalogTable = reader.table(root, "catalog")
        let table = try #require(catalogTable)
        _ = CatalogSiteConfig.read(table, reader: &reader, catalog: catalog)
        #expect(reader.diagnostics.count == 1, "\(reader.diagnostics)")
        let problem = try #require(reader.diagnostics.first)
        #expect(problem.line == line, "\(problem)")
        #expect(problem.key == key, "\(problem)")
        #expect(problem.message.contains(fragment), "\(problem)")
    }
}
