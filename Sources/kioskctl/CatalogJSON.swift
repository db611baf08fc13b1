import Foundation
import KioskCore

/// The JSON shapes `kioskctl catalog … --json` prints.
enum CatalogJSON {
    struct Option: Encodable {
        var key: String
        var nameKo: String
        var nameEn: String
        var choices: [String]
        var `default`: String?
    }

    struct Document: Encodable {
        var code: String
        var nameKo: String
        var nameEn: String
        var category: String
        var agency: String
        var identity: String
        var kioskFee: Int
        var counterFee: Int?
        var outOfDistrictFee: Int?
        var scope: String
        var exemptions: [String]
        var serviceWindow: String?
        var options: [Option]

        init(_ document: DocumentType) {
            code = document.code
            nameKo = document.nameKo
            nameEn = document.nameEn
            category = document.category
            agency = document.agency
            identity = document.identity.rawValue
            kioskFee = document.kioskFee.won
            counterFee = document.counterFee?.won
            outOfDistrictFee = document.outOfDistrictFee?.won
            scope = document.scope.rawValue
            exemptions = document.exemptions.map(\.id)
            serviceWindow = document.serviceWindow?.source
            options = document.options.map {
                Option(key: $0.key, nameKo: $0.nameKo, nameEn: $0.nameEn, choices: $0.choices.map(\.value), default: $0.defaultValue)
            }
        }
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
