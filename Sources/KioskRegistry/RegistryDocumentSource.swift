public import Foundation
public import KioskCore

/// `DocumentSource` over a `SyntheticRegistry`: 주민등록표 등본 (`RR-DEUNGBON`, the household), 초본
/// (`RR-CHOBON`, the address history), 가족관계증명서 (`FR-FAMILY`, family relations) for a verified
/// resident, and 토지대장 (`LD-LAND`, a parcel by its 19-digit number in `key`) without identity.
/// Each agency may have service hours (outside them: `backendClosed`) and may be marked down
/// (`backendDown`), so every unavailability path can be demonstrated.
public struct RegistryDocumentSource: DocumentSource {
    /// The agency (catalog `agency` value) answering each served document code.
    public static let agencies: [String: String] = [
        "RR-DEUNGBON": "MOIS", "RR-CHOBON": "MOIS", "FR-FAMILY": "SCOURT", "LD-LAND": "MOLIT",
    ]

    private let registry: SyntheticRegistry
    private let byReference: [ResidentReference: Int]
    private let hours: [String: OpeningHours]
    private let calendar: HolidayCalendar
    private let down: [String: String]

    /// A source over `registry` resolving references keyed with `secret` (the identity back-end's), with
    /// optional per-agency service `hours` (evaluated with `calendar`) and agencies marked `down`
    /// (agency → reason).
    public init(registry: SyntheticRegistry, secret: Data, hours: [String: OpeningHours] = [:],
                calendar: HolidayCalendar = .korean, down: [String: String] = [:]) {
        self.registry = registry
        var index: [ResidentReference: Int] = [:]
        for resident in registry.residents {
            index[ResidentReference(residentNumberDigits: resident.residentNumber.unmaskedDigits, secret: secret)] = resident.id
        }
        byReference = index
        self.hours = hours
        self.calendar = calendar
        self.down = down
    }

    /// The content of the requested document (see `DocumentSource` for the contract).
    /// - Throws: `DocumentUnavailable` for unknown codes, residents or parcels, and closed or down agencies.
    public func content(for request: DocumentRequest) async throws(DocumentUnavailable) -> DocumentContent {
        guard let agency = Self.agencies[request.code] else {
            throw .notFound(what: "document \(request.code) is not served by the synthetic registry")
        }
        if let reason = down[agency] { throw .backendDown(agency: agency, reason: reason) }
        if let rule = hours[agency], !rule.isOpen(at: request.at, calendar: calendar) {
            throw .backendClosed(agency: agency, reopens: rule.nextChange(after: request.at, calendar: calendar))
        }
        if request.code == "LD-LAND" {
            guard let key = request.key, let parcel = registry.parcel(number: key) else {
                throw .notFound(what: "parcel \(request.key ?? "(none given)")")
            }
            return RegistryDocuments.landRegister(parcel, buildings: registry.buildings.filter { $0.parcel == parcel.number })
        }
        guard let identity = request.identity, let id = byReference[identity.resident] else {
            throw .notFound(what: "resident (no verified identity known to the registry)")
        }
        let showNumbers = request.options["mask-rrn"] == "show"
        switch request.code {
        case "RR-DEUNGBON":
            let household = registry.households[registry.residents[id].household]
            return RegistryDocuments.householdCopy(
                household, members: household.members.map { registry.residents[$0] }, showNumbers: showNumbers)
        case "RR-CHOBON":
            return RegistryDocuments.personalAbstract(
                registry.residents[id], history: request.options["address-history"] ?? "all", asOf: registry.configuration.asOf)
        default:
            return RegistryDocuments.familyRelations(
                registry.residents[id], family: registry.family(of: id), showNumbers: showNumbers)
        }
    }
}
