/// A status that waives a document fee (주민등록법 시행규칙 and the rules of each document), applied only
/// when the identity back-end confirms it for the applicant. A struct with static values so that kinds
/// can be added without breaking callers.
public struct ExemptionKind: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable ASCII id, recorded on the quote, e.g. "basic-livelihood".
    public let id: String
    /// Korean name.
    public let nameKo: String
    /// English name.
    public let nameEn: String

    private init(_ id: String, _ nameKo: String, _ nameEn: String) {
        self.id = id
        self.nameKo = nameKo
        self.nameEn = nameEn
    }

    /// 국민기초생활보장법상 수급자.
    public static let basicLivelihood = ExemptionKind("basic-livelihood", "기초생활수급자", "Basic livelihood recipient")
    /// 국가유공자와 그 유족.
    public static let nationalMerit = ExemptionKind("national-merit", "국가유공자와 유족", "Person of national merit or bereaved family")
    /// 독립유공자와 그 유족.
    public static let independenceMerit = ExemptionKind("independence-merit", "독립유공자와 유족", "Independence patriot or bereaved family")
    /// 5·18민주유공자와 그 유족.
    public static let may18Merit = ExemptionKind("may18-merit", "5·18민주유공자와 유족", "May 18 democratization merit or bereaved family")
    /// 한부모가족 보호대상자.
    public static let singleParentFamily = ExemptionKind("single-parent-family", "한부모가족 보호대상자", "Protected single-parent family")
    /// 참전유공자 (참전군인).
    public static let warVeteran = ExemptionKind("war-veteran", "참전군인", "War veteran")
    /// 고엽제후유의증 환자.
    public static let agentOrange = ExemptionKind("agent-orange", "고엽제후유의증 환자", "Agent Orange aftereffect patient")
    /// 특수임무수행자와 그 유족.
    public static let specialMission = ExemptionKind("special-mission", "특수임무수행자와 유족", "Special mission veteran or bereaved family")

    /// Every kind, in the order the fee rules list them (also the order in which one is chosen when several apply).
    public static let all: [ExemptionKind] = [
        .basicLivelihood, .nationalMerit, .independenceMerit, .may18Merit, .singleParentFamily, .warVeteran,
        .agentOrange, .specialMission,
    ]

    /// The kind with `id`, if it exists.
    public init?(id: String) {
        guard let kind = ExemptionKind.all.first(where: { $0.id == id }) else { return nil }
        self = kind
    }

    /// The id.
    public var description: String { id }

    public init(from decoder: any Decoder) throws {
        let id = try decoder.singleValueContainer().decode(String.self)
        guard let kind = ExemptionKind(id: id) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown exemption \(id)"))
        }
        self = kind
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }

    public static func == (lhs: ExemptionKind, rhs: ExemptionKind) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
