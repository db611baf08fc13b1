/// One public holiday: a date with its English and Korean names; `substitute` marks a 대체공휴일.
public struct Holiday: Sendable, Hashable, Codable {
    /// The day off.
    public var date: LocalDate
    /// English name, e.g. "Seollal".
    public var name: String
    /// Korean name, e.g. "설날".
    public var nameKo: String
    /// True for a substitute holiday (대체공휴일) given because a holiday fell on a weekend or another holiday.
    public var substitute: Bool

    /// A holiday on `date`.
    public init(date: LocalDate, name: String, nameKo: String, substitute: Bool = false) {
        self.date = date
        self.name = name
        self.nameKo = nameKo
        self.substitute = substitute
    }
}
