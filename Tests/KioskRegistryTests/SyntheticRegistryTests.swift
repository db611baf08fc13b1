import KioskCore
import KioskDevices
import KioskFingerprint
import KioskRegistry
import Testing

@Suite struct SyntheticRegistryTests {
    static let asOf = LocalDate(year: 2026, month: 11, day: 1)!

    static func registry(seed: UInt64, households: Int = 60, syntheticThumbs: Int = 0) -> SyntheticRegistry {
        SyntheticRegistry(.init(seed: seed, households: households, asOf: asOf, syntheticThumbs: syntheticThumbs))
    }

    @Test func sameSeedGivesTheSamePopulation() {
        let a = Self.registry(seed: 42), b = Self.registry(seed: 42), c = Self.registry(seed: 43)
        #expect(a.residents == b.residents && a.households == b.households)
        #expect(a.parcels == b.parcels && a.buildings == b.buildings && a.vehicles == b.vehicles)
        #expect(a.residents.map(\.residentNumber) != c.residents.map(\.residentNumber))
    }

    @Test func everyNumberIsValidUniqueAndConsistent() throws {
        let registry = Self.registry(seed: 7, households: 200)
        #expect(registry.residents.count > 300)
        let numbers = registry.residents.map(\.residentNumber.unmaskedDigits)
        #expect(Set(numbers).count == numbers.count)
        let october2020 = LocalDate(year: 2020, month: 10, day: 1)!
        var foreigners = 0, withoutCheckDigit = 0
        for resident in registry.residents {
            // Re-parsing the digits with the rules gives the same value, and no one is born in the future.
            let parsed = try ResidentNumber(resident.residentNumber.unmaskedDigits, today: Self.asOf)
            #expect(parsed == resident.residentNumber)
            if parsed.birthDate < october2020 { #expect(parsed.hasLegacyCheckDigit) }
            if !parsed.hasLegacyCheckDigit { withoutCheckDigit += 1 }
            if parsed.isForeignerRegistration { foreigners += 1 }
            #expect(resident.addressHistory.last?.address == registry.households[resident.household].address)
            #expect(zip(resident.addressHistory, resident.addressHistory.dropFirst()).allSatisfy { $0.movedIn <= $1.movedIn })
            #expect(resident.addressHistory.allSatisfy { $0.movedIn <= Self.asOf })
        }
        #expect(foreigners > 0)
        print("registry seed 7: \(registry.residents.count) residents, \(foreigners) foreigners, \(withoutCheckDigit) post-2020 numbers without check digit, \(registry.parcels.count) parcels, \(registry.buildings.count) buildings, \(registry.vehicles.count) vehicles")
    }

    @Test func householdsAndFamiliesHangTogether() {
        let registry = Self.registry(seed: 11, households: 80)
        for household in registry.households {
            #expect(registry.residents[household.head].relation == .head)
            #expect(household.members.allSatisfy { registry.residents[$0].household == household.id })
        }
        let withChildren = registry.households.first { $0.members.contains { registry.residents[$0].relation == .child } }!
        let family = registry.family(of: withChildren.head)
        #expect(family.contains { $0.relation == .child })
        let child = family.first { $0.relation == .child }!.resident
        #expect(registry.family(of: child.id).contains { $0.resident.id == withChildren.head })
        #expect(registry.parcels.allSatisfy { $0.number.count == 19 && $0.number.allSatisfy(\.isNumber) })
        #expect(registry.buildings.allSatisfy { building in registry.parcel(number: building.parcel)?.category == "대" })
    }

    @Test func syntheticThumbsYieldEnoughMinutiaeAndDifferFromEachOther() throws {
        let registry = Self.registry(seed: 3, households: 12, syntheticThumbs: 12)
        #expect(registry.enrolments.count == 12)
        var templates: [MinutiaeTemplate] = []
        for enrolment in registry.enrolments {
            print("enrolment \(enrolment.source): \(enrolment.minutiae) minutiae")
            #expect(enrolment.minutiae >= 10, "synthetic thumb \(enrolment.source) gives only \(enrolment.minutiae) minutiae")
            #expect(registry.residents[enrolment.resident].relation == .head)
            let record = try #require(registry.enrolledThumb(of: enrolment.resident))
            templates.append(try MinutiaeTemplate(isoRecord: record))
        }
        let matcher = MinutiaeMatcher()
        for i in templates.indices {
            for j in templates.indices where j > i {
                let result = matcher.compare(templates[i], templates[j])
                #expect(!result.isMatch, "synthetic thumbs \(i + 1) and \(j + 1) match (score \(result.score))")
            }
        }
        // Why KioskDevices' SyntheticFinger is not used: the figure it gives, for the record.
        let extractor = MinutiaeExtractor()
        let counts = (1...4).map { extractor.template(from: SyntheticFinger.image(seed: UInt64($0), contrast: 1)).minutiae.count }
        print("KioskDevices SyntheticFinger seeds 1-4: \(counts) minutiae")
    }
}
