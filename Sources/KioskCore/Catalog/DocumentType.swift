/// One kind of document the kiosk can issue, with its fees, who may get it, its options and when it is offered.
public struct DocumentType: Sendable, Hashable, Identifiable {
    /// Stable ASCII code, never reused (e.g. "RR-CHOBON").
    public var code: String
    /// Korean name as on the kiosk screen.
    public var nameKo: String
    /// English name.
    public var nameEn: String
    /// Category (family) id, e.g. "resident-registration".
    public var category: String
    /// Issuing agency / back-end id, e.g. "MOIS", "SCOURT", "NTS".
    public var agency: String
    /// Whether identity verification is needed.
    public var identity: IdentityRequirement
    /// Kiosk fee per copy for an in-district (or any nationwide) issuance.
    public var kioskFee: Money
    /// Counter (창구) fee per copy, for information; nil when unknown or not issued at counters.
    public var counterFee: Money?
    /// Kiosk fee per copy for an out-of-district subject; nil when the document is in-district only.
    public var outOfDistrictFee: Money?
    /// Per-page surcharge, if the document is priced by pages.
    public var pageSurcharge: PageSurcharge?
    /// Options with their choices and defaults.
    public var options: [DocumentOption]
    /// Nationwide, or in-district only.
    public var scope: DocumentScope
    /// When the document is offered; nil = whenever the kiosk is open.
    public var serviceWindow: OpeningHours?
    /// Fee exemptions that apply to this document (empty = none apply).
    public var exemptions: [ExemptionKind]

    /// `code`.
    public var id: String { code }

    /// A document type.
    public init(
        code: String, nameKo: String, nameEn: String, category: String, agency: String,
        identity: IdentityRequirement, kioskFee: Money, counterFee: Money? = nil, outOfDistrictFee: Money? = nil,
        pageSurcharge: PageSurcharge? = nil, options: [DocumentOption] = [], scope: DocumentScope = .nationwide,
        serviceWindow: OpeningHours? = nil, exemptions: [ExemptionKind] = []
    ) {
        self.code = code
        self.nameKo = nameKo
        self.nameEn = nameEn
        self.category = category
        self.agency = agency
        self.identity = identity
        self.kioskFee = kioskFee
        self.counterFee = counterFee
        self.outOfDistrictFee = outOfDistrictFee
        self.pageSurcharge = pageSurcharge
        self.options = options
        self.scope = scope
        self.serviceWindow = serviceWindow
        self.exemptions = exemptions
    }

    /// The option with `key`, if the document has it.
    public func option(_ key: String) -> DocumentOption? { options.first { $0.key == key } }
}
