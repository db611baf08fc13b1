import ArgumentParser
import Foundation
import KioskConfig
import KioskCore

/// `kioskctl catalog …`: the document catalog, read offline from its file.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Show the document catalog (offline).",
        subcommands: [CatalogListCommand.self, CatalogShowCommand.self]
    )
}

/// Options naming the catalog file, shared by the catalog and fee commands.
struct CatalogFileOptions: ParsableArguments {
    @Option(help: "Catalog file (default: etc/catalog.toml if present, else /etc/kiosk/catalog.toml).")
    var catalog: String?

    /// The path used.
    var path: String {
        if let catalog { return catalog }
        return FileManager.default.fileExists(atPath: "etc/catalog.toml") ? "etc/catalog.toml" : "/etc/kiosk/catalog.toml"
    }

    /// Loads the catalog; prints every problem and exits 78 when it is invalid.
    func load() throws -> Catalog {
        do {
            return try CatalogLoader.load(path: path)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.configInvalid
        }
    }
}

/// `kioskctl catalog list`.
struct CatalogListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List documents: code, names, category, agency, identity requirement, fees, options."
    )

    @OptionGroup var file: CatalogFileOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let catalog = try file.load()
        if json {
            print(try CatalogJSON.encode(catalog.documents.map(CatalogJSON.Document.init)))
            return
        }
        print("catalog version \(catalog.version), \(catalog.count) documents")
        for document in catalog.documents {
            let options = document.options.map(\.key).joined(separator: ",")
            print([
                document.code, document.nameKo, document.nameEn, document.category, document.agency, document.identity.rawValue,
                "kiosk \(document.kioskFee)", "counter \(document.counterFee.map(\.description) ?? "-")",
                options.isEmpty ? "" : "options \(options)",
            ].joined(separator: "\t"))
        }
    }
}

/// `kioskctl catalog show CODE`.
struct CatalogShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one document in full.")

    @Argument(help: "Document code, e.g. RR-CHOBON.")
    var code: String

    @OptionGroup var file: CatalogFileOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let catalog = try file.load()
        guard let document = catalog[code] else {
            throw ValidationError("no document with code \(code) in \(file.path)")
        }
        if json {
            print(try CatalogJSON.encode(CatalogJSON.Document(document)))
            return
        }
        print("\(document.code)  \(document.nameKo) / \(document.nameEn)")
        print("category: \(document.category)   agency: \(document.agency)   identity: \(document.identity.rawValue)")
        print("scope: \(document.scope.rawValue)")
        print("kiosk fee: \(document.kioskFee)   out of district: \(document.outOfDistrictFee.map(\.description) ?? "not issued")   counter: \(document.counterFee.map(\.description) ?? "-")")
        if let surcharge = document.pageSurcharge {
            print("pages: \(surcharge.includedPages) included, then \(surcharge.perExtraPage) per page")
        }
        print("service window: \(document.serviceWindow?.source ?? "kiosk hours")")
        print("exemptions: \(document.exemptions.isEmpty ? "none" : document.exemptions.map(\.id).joined(separator: ", "))")
        for option in document.options {
            let choices = option.choices.map { $0.value == option.defaultValue ? "[\($0.value)]" : $0.value }.joined(separator: " | ")
            print("option \(option.key) (\(option.nameKo)): \(choices)\(option.defaultValue == nil ? "  — the resident must choose" : "")")
        }
    }
}
