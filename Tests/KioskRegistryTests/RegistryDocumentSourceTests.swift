import Foundation
import KioskCore
import KioskRegistry
import Testing

@Suite struct RegistryDocumentSourceTests {
    static let secret = Data("central-test-secret".utf8)
    static let registry = SyntheticRegistry(.init(seed: 5, households: 40, asOf: LocalDate(year: 2026, month: 11, day: 1)!, syntheticThumbs: 0))
    /// A Wednesday, 10:00 in Seoul.
    static let weekday = SeoulTime.parseLocal("2026-11-18T10:00")!

    static func identity(of resident: RegistryResident) -> VerifiedIdentity {
        VerifiedIdentity(
            resident: ResidentReference(residentNumberDigits: resident.residentNumber.unmaskedDigits, secret: secret),
            exemptions: resident.exemptions, method: .fingerprint, verifiedAt: weekday)
    }

    static func cells(_ content: DocumentContent) -> [String] {
        content.sections.flatMap { section -> [String] in
            switch section.body {
            case .fields(let fields): fields.flatMap { [$0.label, $0.value] }
            case .table(let table): table.rows.flatMap { $0 }
            case .paragraph(let text): [text]
            }
        }
    }

    @Test func householdCopyListsEveryMemberMasked() async throws {
        let source = RegistryDocumentSource(registry: Self.registry, secret: Self.secret)
        let household = try #require(Self.registry.households.first { $0.members.count >= 3 })
        let member = Self.registry.residents[household.members[1]]
        let content = try await source.content(for: DocumentRequest(
            code: "RR-DEUNGBON", identity: Self.identity(of: member), options: ["mask-rrn": "mask"], at: Self.weekday))
        #expect(content.family == .residentRegistrationCopy)
        let text = Self.cells(content)
        for id in household.members {
            let resident = Self.registry.residents[id]
            #expect(text.contains(resident.name))
            #expect(text.contains(resident.residentNumber.masked))
            #expect(!text.contains { $0.contains(resident.residentNumber.unmaskedDigits.suffix(6)) && $0.count == 14 })
        }
        #expect(text.contains(household.address.description))
        let shown = try await source.content(for: DocumentRequest(
            code: "RR-DEUNGBON", identity: Self.identity(of: member), options: ["mask-rrn": "show"], at: Self.weekday))
        let digits = member.residentNumber.unmaskedDigits
        #expect(Self.cells(shown).contains(String(digits.prefix(6)) + "-" + String(digits.dropFirst(6))))
    }

    @Test func abstractFamilyAndLandContent() async throws {
        let source = RegistryDocumentSource(registry: Self.registry, secret: Self.secret)
        let resident = try #require(Self.registry.residents.first { $0.addressHistory.count >= 2 && $0.relation == .head })
        let abstract = try await source.content(for: DocumentRequest(code: "RR-CHOBON", identity: Self.identity(of: resident), at: Self.weekday))
        let abstractText = Self.cells(abstract)
        #expect(resident.addressHistory.allSatisfy { abstractText.contains($0.address.description) })
        let current = try await source.content(for: DocumentRequest(
            code: "RR-CHOBON", identity: Self.identity(of: resident), options: ["address-history": "none"], at: Self.weekday))
        #expect(Self.cells(current).filter { $0.hasPrefix(resident.addressHistory[0].address.province) }.count <= 1)

        let family = try await source.content(for: DocumentRequest(code: "FR-FAMILY", identity: Self.identity(of: resident), at: Self.weekday))
        let familyText = Self.cells(family)
        for relative in Self.registry.family(of: resident.id) { #expect(familyText.contains(relative.resident.name)) }

        let parcel = try #require(Self.registry.parcels.first)
        let land = try await source.content(for: DocumentRequest(code: "LD-LAND", identity: nil, key: parcel.number, at: Self.weekday))
        #expect(Self.cells(land).contains(parcel.lotAddress) && Self.cells(land).contains(parcel.ownerName))
    }

    @Test func reasonsWhenThereIsNoContent() async throws {
        let resident = Self.registry.residents[0]
        let open = RegistryDocumentSource(registry: Self.registry, secret: Self.secret)
        await #expect(throws: DocumentUnavailable.notFound(what: "document BD-GENERAL is not served by the synthetic registry")) {
            try await open.content(for: DocumentRequest(code: "BD-GENERAL", identity: nil, at: Self.weekday))
        }
        await #expect(throws: DocumentUnavailable.notFound(what: "parcel 0000000000000000000")) {
            try await open.content(for: DocumentRequest(code: "LD-LAND", identity: nil, key: "0000000000000000000", at: Self.weekday))
        }
        let stranger = VerifiedIdentity(
            resident: ResidentReference(residentNumberDigits: "9001011234568", secret: Data("other".utf8)), exemptions: [],
            method: .mobileID, verifiedAt: Self.weekday)
        await #expect(throws: DocumentUnavailable.notFound(what: "resident (no verified identity known to the registry)")) {
            try await open.content(for: DocumentRequest(code: "RR-DEUNGBON", identity: stranger, at: Self.weekday))
        }

        let down = RegistryDocumentSource(registry: Self.registry, secret: Self.secret, down: ["SCOURT": "connection refused"])
        await #expect(throws: DocumentUnavailable.backendDown(agency: "SCOURT", reason: "connection refused")) {
            try await down.content(for: DocumentRequest(code: "FR-FAMILY", identity: Self.identity(of: resident), at: Self.weekday))
        }
        _ = try await down.content(for: DocumentRequest(code: "RR-DEUNGBON", identity: Self.identity(of: resident), at: Self.weekday))

        let hours = try OpeningHours(parsing: "Mo-Fr 09:00-18:00")
        let closed = RegistryDocumentSource(registry: Self.registry, secret: Self.secret, hours: ["MOIS": hours])
        let evening = SeoulTime.parseLocal("2026-11-18T19:30")!
        await #expect(throws: DocumentUnavailable.backendClosed(agency: "MOIS", reopens: SeoulTime.parseLocal("2026-11-19T09:00")!)) {
            try await closed.content(for: DocumentRequest(code: "RR-DEUNGBON", identity: Self.identity(of: resident), at: evening))
        }
    }
}
