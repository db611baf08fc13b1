/// Prices issuances: per-copy fee × copies + page surcharges − exemption. Integer won only.
public struct FeeSchedule: Sendable {
    /// Most copies of one document in one issuance.
    public var maximumCopies: Int
    /// Most pages per copy accepted for pricing.
    public var maximumPages: Int
    /// Catalog version recorded on quotes.
    public var catalogVersion: Int

    /// A schedule; quotes record `catalogVersion`.
    public init(catalogVersion: Int, maximumCopies: Int = 10, maximumPages: Int = 200) {
        self.catalogVersion = catalogVersion
        self.maximumCopies = maximumCopies
        self.maximumPages = maximumPages
    }

    /// The quote for `copies` copies of `document`, each `pages` pages long.
    ///
    /// - Parameters:
    ///   - exemptions: statuses the identity back-end confirmed for the applicant; the first (in
    ///     `ExemptionKind.all` order) that the document accepts waives the whole amount and is recorded.
    ///   - outOfDistrict: the subject is outside the kiosk's district: the out-of-district fee applies.
    /// - Throws: `QuoteError` when copies or pages are out of range, or the document is in-district only.
    public func quote(
        document: DocumentType, copies: Int, pages: Int = 1, exemptions: Set<ExemptionKind> = [], outOfDistrict: Bool = false
    ) throws(QuoteError) -> Quote {
        guard (1...maximumCopies).contains(copies) else {
            throw QuoteError("\(document.code): copies must be 1...\(maximumCopies), not \(copies)")
        }
        guard (1...maximumPages).contains(pages) else {
            throw QuoteError("\(document.code): pages must be 1...\(maximumPages), not \(pages)")
        }
        let unit: Money
        if outOfDistrict {
            guard let fee = document.outOfDistrictFee, document.scope == .nationwide else {
                throw QuoteError("\(document.code): issued only for subjects in this kiosk's district")
            }
            unit = fee
        } else {
            unit = document.kioskFee
        }
        var lines: [Quote.Line] = [
            Quote.Line(
                kind: .fee, labelKo: "\(document.nameKo) 수수료" + (outOfDistrict ? " (관외)" : ""),
                labelEn: "\(document.nameEn) fee" + (outOfDistrict ? " (out of district)" : ""),
                unitPrice: unit, quantity: copies, amount: unit * copies)
        ]
        if let surcharge = document.pageSurcharge, pages > surcharge.includedPages {
            let extra = (pages - surcharge.includedPages) * copies
            lines.append(Quote.Line(
                kind: .pageSurcharge, labelKo: "추가 쪽 수수료", labelEn: "Extra pages",
                unitPrice: surcharge.perExtraPage, quantity: extra, amount: surcharge.perExtraPage * extra))
        }
        let subtotal = lines.reduce(Money.zero) { $0 + $1.amount }
        var applied: ExemptionKind?
        if subtotal > .zero, let kind = ExemptionKind.all.first(where: { exemptions.contains($0) && document.exemptions.contains($0) }) {
            applied = kind
            lines.append(Quote.Line(
                kind: .exemption, labelKo: "수수료 면제 (\(kind.nameKo))", labelEn: "Fee waived (\(kind.nameEn))",
                unitPrice: Money.zero - subtotal, quantity: 1, amount: Money.zero - subtotal))
        }
        let total = lines.reduce(Money.zero) { $0 + $1.amount }
        return Quote(
            documentCode: document.code, catalogVersion: catalogVersion, copies: copies, pages: pages,
            outOfDistrict: outOfDistrict, lines: lines, exemption: applied, total: total)
    }
}
