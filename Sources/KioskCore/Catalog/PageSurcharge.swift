/// A per-page surcharge: each copy includes `includedPages`; every further page costs `perExtraPage`.
public struct PageSurcharge: Sendable, Hashable, Codable {
    /// Pages included in the per-copy fee (at least 1).
    public var includedPages: Int
    /// Price of each page beyond `includedPages`, per copy.
    public var perExtraPage: Money

    /// A surcharge rule.
    public init(includedPages: Int, perExtraPage: Money) {
        self.includedPages = includedPages
        self.perExtraPage = perExtraPage
    }
}
