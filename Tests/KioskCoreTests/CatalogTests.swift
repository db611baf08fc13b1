import Foundation
import KioskCore
import Testing

@Suite struct CatalogTests {
    static let catalog = Catalog(version: 3, documents: [FeeTests.deungbon, FeeTests.land, FeeTests.building])

    @Test func documentsByCode() {
        #expect(Self.catalog.count == 3)
        #expect(Self.catalog["LD-LAND"]?.nameKo == "토지대장")
        #expect(Self.catalog["NOPE"] == nil)
        #expect(Catalog(version: 1, documents: [FeeTests.land, FeeTests.land]).count == 1)
    }

    @Test func siteOverridesDisableAndReprice() {
        let overrides = CatalogOverrides(
            disabled: ["BD-GENERAL"], fees: ["RR-DEUNGBON": .zero, "LD-LAND": Money(won: 300)], districtCodes: ["48170"])
        let site = Self.catalog.applying(overrides)
        #expect(site.count == 2 && site["BD-GENERAL"] == nil)
        #expect(site["RR-DEUNGBON"]?.kioskFee == .zero)
        #expect(site["LD-LAND"]?.kioskFee == Money(won: 300) && site["LD-LAND"]?.outOfDistrictFee == Money(won: 300))
        #expect(site.version == 3)
        #expect(overrides.isInDistrict("4817010100") && !overrides.isInDistrict("11110"))
    }

    @Test func knownOptionsAndTheExplicitChoiceRule() throws {
        let mask = try #require(DocumentOption.known["mask-rrn"])
        #expect(mask.explicitChoiceRequired && mask.defaultValue == nil)
        let history = try #require(DocumentOption.known["address-history"])
        #expect(history.choices.map(\.value) == ["all", "recent-5y", "none"])
        let restricted = history.restricted(to: ["none", "all"], defaultValue: nil)
        #expect(restricted.choices.map(\.value) == ["none", "all"])
    }
}
