public import KioskCore
public import KioskFingerprint
import KioskDevices

/// A reproducible synthetic population, the back-end of the demo and the tests: households with members
/// and valid registration numbers, address histories, family relations, land parcels, buildings and
/// vehicles, all drawn from `Configuration.seed` (same seed and configuration → same registry), and enrolled
/// right-thumb templates (ISO/IEC 19794-2 records) for the residents whose fingers the tests can present.
///
/// Enrolment: the head of household 0, 1, … is enrolled with each recorded template in order (e.g. the
/// NB-1010-U recording), then the next heads with the templates of `SyntheticThumb` images of seeds
/// 1, 2, … (not KioskDevices' `SyntheticFinger`: its images yield too few minutiae to match). Other
/// residents have no thumb enrolled.
public struct SyntheticRegistry: Sendable {
    /// What to generate.
    public struct Configuration: Sendable {
        /// The seed of everything random.
        public var seed: UInt64
        /// Number of households.
        public var households: Int
        /// The registry's "today": no birth or move is after it.
        public var asOf: LocalDate
        /// Templates of recorded fingers, enrolled for the heads of the first households in order.
        public var recordedThumbs: [MinutiaeTemplate]
        /// How many further heads are enrolled with synthetic fingers (seeds 1, 2, …).
        public var syntheticThumbs: Int

        /// A configuration; `households` is at least the number of enrolments.
        public init(seed: UInt64, households: Int, asOf: LocalDate, recordedThumbs: [MinutiaeTemplate] = [], syntheticThumbs: Int = 4) {
            self.seed = seed
            self.households = max(households, recordedThumbs.count + max(0, syntheticThumbs), 1)
            self.asOf = asOf
            self.recordedThumbs = recordedThumbs
            self.syntheticThumbs = max(0, syntheticThumbs)
        }
    }

    /// Where an enrolled template came from.
    public enum EnrolmentSource: Sendable, Hashable {
        /// `Configuration.recordedThumbs[index]`.
        case recording(index: Int)
        /// `SyntheticThumb.image(seed:)`.
        case syntheticThumb(seed: UInt64)
    }

    /// One enrolled right thumb.
    public struct Enrolment: Sendable, Hashable {
        /// The resident's id.
        public var resident: Int
        /// Where the template came from.
        public var source: EnrolmentSource
        /// Minutiae in the enrolled template.
        public var minutiae: Int
    }

    /// The configuration it was generated from.
    public let configuration: Configuration
    /// Every resident; `id` is the index.
    public let residents: [RegistryResident]
    /// Every household; `id` is the index.
    public let households: [RegistryHousehold]
    /// Land parcels, owned by residents or others.
    public let parcels: [LandParcel]
    /// Buildings standing on parcels of category `대`.
    public let buildings: [RegistryBuilding]
    /// Registered vehicles.
    public let vehicles: [RegistryVehicle]
    /// The enrolled thumbs, in enrolment order.
    public let enrolments: [Enrolment]

    private let thumbs: [Int: [UInt8]]
    private let byNumber: [String: Int]

    /// Generates the registry described by `configuration`.
    public init(_ configuration: Configuration) {
        var generator = RegistryGenerator(configuration: configuration)
        generator.run()
        self.configuration = configuration
        residents = generator.residents
        households = generator.households
        parcels = generator.parcels
        buildings = generator.buildings
        vehicles = generator.vehicles
        var numbers: [String: Int] = [:]
        for resident in generator.residents { numbers[resident.residentNumber.unmaskedDigits] = resident.id }
        byNumber = numbers

        var thumbs: [Int: [UInt8]] = [:]
        var enrolments: [Enrolment] = []
        let extractor = MinutiaeExtractor()
        for (index, template) in configuration.recordedThumbs.enumerated() {
            let head = generator.households[index].head
            var record = template
            record.fingerPosition = MinutiaeTemplate.rightThumb
            thumbs[head] = record.isoRecord()
            enrolments.append(Enrolment(resident: head, source: .recording(index: index), minutiae: record.minutiae.count))
        }
        for k in 0..<configuration.syntheticThumbs {
            let head = generator.households[configuration.recordedThumbs.count + k].head
            let seed = UInt64(k + 1)
            let template = extractor.template(from: SyntheticThumb.image(seed: seed))
            thumbs[head] = template.isoRecord()
            enrolments.append(Enrolment(resident: head, source: .syntheticThumb(seed: seed), minutiae: template.minutiae.count))
        }
        self.thumbs = thumbs
        self.enrolments = enrolments
    }

    /// The resident with `number`, if any.
    public func resident(number: ResidentNumber) -> RegistryResident? {
        byNumber[number.unmaskedDigits].map { residents[$0] }
    }

    /// The enrolled right-thumb ISO/IEC 19794-2 record of resident `id`, if one is enrolled.
    public func enrolledThumb(of id: Int) -> [UInt8]? { thumbs[id] }

    /// The family of resident `id` as the family register would list it: parents, spouse and children,
    /// derived from the household (who lives with whom and in which role).
    public func family(of id: Int) -> [(relation: FamilyRelation, resident: RegistryResident)] {
        let person = residents[id]
        let members = households[person.household].members.map { residents[$0] }
        func with(_ relations: [HouseholdRelation]) -> [RegistryResident] {
            members.filter { relations.contains($0.relation) && $0.id != id }
        }
        var result: [(FamilyRelation, RegistryResident)] = []
        switch person.relation {
        case .head:
            result += with([.father]).map { (.father, $0) } + with([.mother]).map { (.mother, $0) }
            result += with([.spouse]).map { (.spouse, $0) } + with([.child]).map { (.child, $0) }
        case .spouse:
            result += with([.head]).map { (.spouse, $0) } + with([.child]).map { (.child, $0) }
        case .child:
            for parent in with([.head, .spouse]) {
                result.append((parent.residentNumber.sex == .male ? .father : .mother, parent))
            }
        case .father, .mother:
            result += with([.father, .mother]).map { (.spouse, $0) } + with([.head]).map { (.child, $0) }
        }
        return result
    }

    /// The parcel with the 19-digit number `number`, if any.
    public func parcel(number: String) -> LandParcel? { parcels.first { $0.number == number } }
}
