import KioskCore
import KioskDevices

/// Draws the population of a `SyntheticRegistry` from its seed. Every random choice goes through one
/// `SplitMix64` in a fixed order, so the same configuration always yields the same registry.
struct RegistryGenerator {
    let configuration: SyntheticRegistry.Configuration
    var random: SplitMix64
    var residents: [RegistryResident] = []
    var households: [RegistryHousehold] = []
    var parcels: [LandParcel] = []
    var buildings: [RegistryBuilding] = []
    var vehicles: [RegistryVehicle] = []
    private var usedNumbers: Set<String> = []
    private var usedParcels: Set<String> = []
    private var usedPlates: Set<String> = []

    init(configuration: SyntheticRegistry.Configuration) {
        self.configuration = configuration
        random = SplitMix64(seed: configuration.seed)
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    private mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    private var today: LocalDate { configuration.asOf }

    /// A date between `from` and `to` inclusive (`from` if the range is empty).
    private mutating func date(from: LocalDate, to: LocalDate) -> LocalDate {
        guard to > from else { return from }
        return LocalDate(dayNumber: int(from.dayNumber...to.dayNumber))
    }

    private mutating func givenName() -> String { pick(RegistryWordLists.givenSyllables) + pick(RegistryWordLists.givenSyllables) }

    private mutating func address(in district: RegistryWordLists.District? = nil) -> RegistryAddress {
        let place = district ?? pick(RegistryWordLists.districts)
        let unit = chance(60) ? "\(pick(RegistryWordLists.complexes))아파트 \(int(101...115))동 \(int(1...25))0\(int(1...4))호" : ""
        return RegistryAddress(province: place.province, district: place.district, road: pick(place.roads),
                               buildingNumber: int(1...250), unit: unit)
    }

    /// A registration number valid by the RRN rules: the 7th digit from century, sex and nationality; the
    /// legacy check digit for births before October 2020, a random last digit after.
    private mutating func residentNumber(birth: LocalDate, sex: ResidentNumber.Sex, foreigner: Bool) -> ResidentNumber {
        let female = sex == .female ? 1 : 0
        let seventh: Int
        switch birth.year {
        case ..<1900: seventh = female == 1 ? 0 : 9
        case ..<2000: seventh = (foreigner ? 5 : 1) + female
        default: seventh = (foreigner ? 7 : 3) + female
        }
        let yymmdd = String(format2(birth.year % 100)) + format2(birth.month) + format2(birth.day)
        let legacy = birth < LocalDate(year: 2020, month: 10, day: 1)!
        while true {
            let middle = (0..<5).map { _ in String(int(0...9)) }.joined()
            let stem = yymmdd + String(seventh) + middle
            var candidates = (0...9).compactMap { try? ResidentNumber(stem + String($0)) }
            if legacy { candidates = candidates.filter(\.hasLegacyCheckDigit) } else { candidates = [pick(candidates)] }
            guard let number = candidates.first, !usedNumbers.contains(number.unmaskedDigits) else { continue }
            usedNumbers.insert(number.unmaskedDigits)
            return number
        }
    }

    private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private mutating func exemptions() -> [ExemptionKind] {
        var kinds: [ExemptionKind] = []
        if chance(6) { kinds.append(.basicLivelihood) }
        if chance(3) { kinds.append(.nationalMerit) }
        if chance(2) { kinds.append(.singleParentFamily) }
        if chance(2) { kinds.append(.warVeteran) }
        return kinds
    }

    /// Earlier addresses from `since` up to `until`, then the household's address from `until`.
    private mutating func history(since: LocalDate, until: LocalDate, final: RegistryAddress, firstReason: String) -> [AddressRecord] {
        var records: [AddressRecord] = []
        var start = since
        for _ in 0..<int(0...3) where start < until {
            records.append(AddressRecord(address: address(), movedIn: start, reason: records.isEmpty ? firstReason : "전입"))
            start = date(from: start.adding(days: 180), to: until)
        }
        records.append(AddressRecord(address: final, movedIn: until, reason: records.isEmpty ? firstReason : "전입"))
        return records
    }

    private mutating func addResident(name: String, birth: LocalDate, sex: ResidentNumber.Sex, foreigner: Bool, household: Int,
                                      relation: HouseholdRelation, history: [AddressRecord]) -> Int {
        let id = residents.count
        residents.append(RegistryResident(
            id: id, name: name, residentNumber: residentNumber(birth: birth, sex: sex, foreigner: foreigner), household: household,
            relation: relation, addressHistory: history, exemptions: exemptions()))
        return id
    }

    mutating func run() {
        for householdID in 0..<configuration.households {
            let district = pick(RegistryWordLists.districts)
            let home = address(in: district)
            let foreigner = chance(4)
            let surname = pick(RegistryWordLists.surnames)
            let headSex: ResidentNumber.Sex = chance(70) ? .male : .female
            let headBirth = date(from: LocalDate(year: today.year - 80, month: 1, day: 1)!,
                                 to: LocalDate(year: today.year - 30, month: 12, day: 31)!)
            let adult = headBirth.adding(days: 20 * 365)
            let movedIn = date(from: adult.adding(days: 365), to: today)
            var members: [Int] = []
            members.append(addResident(
                name: surname + givenName(), birth: headBirth, sex: headSex, foreigner: foreigner, household: householdID,
                relation: .head, history: history(since: adult, until: movedIn, final: home, firstReason: "전입")))

            if chance(70) {
                let birth = date(from: headBirth.adding(days: -5 * 365), to: headBirth.adding(days: 5 * 365))
                members.append(addResident(
                    name: pick(RegistryWordLists.surnames) + givenName(), birth: birth, sex: headSex == .male ? .female : .male,
                    foreigner: foreigner, household: householdID, relation: .spouse,
                    history: history(since: birth.adding(days: 20 * 365), until: movedIn, final: home, firstReason: "전입")))
            }
            for _ in 0..<int(0...3) {
                let birth = date(from: headBirth.adding(days: 25 * 365), to: headBirth.adding(days: 40 * 365))
                guard birth <= today else { continue }
                let childHome = birth < movedIn ? [AddressRecord(address: address(), movedIn: birth, reason: "출생등록"),
                                                   AddressRecord(address: home, movedIn: movedIn, reason: "전입")]
                                                : [AddressRecord(address: home, movedIn: birth, reason: "출생등록")]
                let childSurname = headSex == .male ? surname : (chance(80) ? pick(RegistryWordLists.surnames) : surname)
                members.append(addResident(
                    name: childSurname + givenName(), birth: birth, sex: chance(50) ? .male : .female, foreigner: foreigner,
                    household: householdID, relation: .child, history: childHome))
            }
            if chance(12) {
                let birth = date(from: headBirth.adding(days: -35 * 365), to: headBirth.adding(days: -22 * 365))
                let isFather = chance(40)
                members.append(addResident(
                    name: (isFather ? surname : pick(RegistryWordLists.surnames)) + givenName(), birth: birth,
                    sex: isFather ? .male : .female, foreigner: foreigner, household: householdID,
                    relation: isFather ? .father : .mother,
                    history: history(since: birth.adding(days: 20 * 365), until: movedIn, final: home, firstReason: "전입")))
            }
            households.append(RegistryHousehold(id: householdID, members: members, address: home))

            if chance(40) { addParcel(owner: members[0], in: district) }
            for member in members where chance(35) && residents[member].residentNumber.birthDate.adding(days: 19 * 365) <= today {
                addVehicle(owner: member)
            }
        }
        for _ in 0..<max(1, configuration.households / 4) { addParcel(owner: nil, in: pick(RegistryWordLists.districts)) }
    }

    private mutating func addParcel(owner: Int?, in district: RegistryWordLists.District) {
        let dongIndex = int(0...(district.dongs.count - 1))
        let dongCode = district.code + String(101 + dongIndex) + "00"
        var number = "", main = 0, sub = 0
        repeat {
            main = int(1...1999)
            sub = chance(60) ? int(1...40) : 0
            number = dongCode + "1" + pad4(main) + pad4(sub)
        } while usedParcels.contains(number)
        usedParcels.insert(number)
        let weighted = RegistryWordLists.landCategories.flatMap { Array(repeating: $0.0, count: $0.1) }
        let category = pick(weighted)
        let area = Double(int(600...12_000)) / 10 * (category == "임야" ? 20 : 1)
        let lot = "\(district.province) \(district.district) \(district.dongs[dongIndex]) \(category == "임야" ? "산" : "")\(main)" + (sub > 0 ? "-\(sub)" : "")
        parcels.append(LandParcel(
            number: number, lotAddress: lot, category: category, areaSquareMetres: area,
            pricePerSquareMetre: category == "대" ? int(300...4_000) * 1000 : int(20...300) * 1000,
            owner: owner, ownerName: owner.map { residents[$0].name } ?? pick(RegistryWordLists.otherOwners)))
        if category == "대" {
            let floors = int(1...5)
            buildings.append(RegistryBuilding(
                parcel: number, use: pick(RegistryWordLists.buildingUses), floors: floors,
                floorAreaSquareMetres: (area * Double(floors) * Double(int(40...60)) / 100).rounded(),
                approved: date(from: LocalDate(year: 1975, month: 1, day: 1)!, to: today)))
        }
    }

    private func pad4(_ value: Int) -> String { String(repeating: "0", count: max(0, 4 - String(value).count)) + String(value) }

    private mutating func addVehicle(owner: Int) {
        var plate = ""
        repeat {
            plate = "\(int(10...399))\(pick(RegistryWordLists.plateLetters))\(int(1000...9999))"
        } while usedPlates.contains(plate)
        usedPlates.insert(plate)
        vehicles.append(RegistryVehicle(plate: plate, model: pick(RegistryWordLists.carModels), year: int((today.year - 15)...today.year),
                                        owner: owner))
    }
}
