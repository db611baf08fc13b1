import Foundation
import Hummingbird
import KioskConfig
import KioskCore

/// `GET /api/v1/fees`: per document, the kiosk fee beside the counter fee (what the resident saves by
/// using the kiosk), for the touchscreen's fee breakdown. The quote itself stays the session's.
enum FeeTable {
    /// One document's fees, won per copy.
    struct Row: Codable {
        var code: String
        var kioskFee: Int
        var counterFee: Int?
        var exemptions: [String]
    }

    /// The answer.
    struct Table: Codable {
        var documents: [Row]
    }

    /// Adds the route to `router`.
    static func register(on router: Router<KioskRequestContext>, kiosk: Kiosk) {
        router.get("/api/v1/fees") { _, _ -> Response in
            let configuration = await kiosk.configuration
            let catalog = configuration.catalog.applying(configuration.catalogOverrides)
            return SessionAPI.json(Table(documents: catalog.documents.map { document in
                Row(code: document.code, kioskFee: document.kioskFee.won, counterFee: document.counterFee?.won, exemptions: document.exemptions.map(\.description))
            }))
        }
    }
}
