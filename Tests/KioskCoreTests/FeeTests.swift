import Foundation
import KioskCore
import Testing

@Suite struct FeeTests {
    let schedule = FeeSchedule(catalogVersion: 7)

    static let deungbon = DocumentType(
        code: "RR-DEUNGBON", nameKo: "주민등록표 등본", nameEn: "Resident Registration Record", category: "resident-registration",
        agency: "MOIS", identity: .fingerprint, kioskFee: Money(won: 200), counterFee: Money(won: 400),
        outOfDistrictFee: Money(won: 200), exemptions: ExemptionKind.all)
    static let land = DocumentType(
        code: "LD-LAND", nameKo: "토지대장", nameEn: "Land Ledger", category: "land", agency: "MOLIT", identity: .none,
        kioskFee: Money(won: 500), outOfDistrictFee: Money(won: 700), pageSurcharge: PageSurcharge(includedPages: 1, perExtraPage: Money(won: 100)))
    static let building = DocumentType(
        code: "BD-GENERAL", nameKo: "일반건축물대장", nameEn: "Building Ledger", category: "building", agency: "MOLIT",
        identity: .none, kioskFee: Money(won: 500), scope: .inDistrict)

    @Test(arguments: [(1, 200), (2, 400), (5, 1000), (10, 2000)])
    func feeTimesCopies(_ copies: Int, _ total: Int) throws {
        let quote = try schedule.quote(document: Self.deungbon, copies: copies)
        #expect(quote.total == Money(won: total))
        #expect(quote.lines.count == 1 && quote.lines[0].quantity == copies && quote.lines[0].unitPrice == Money(won: 200))
        #expect(quote.catalogVersion == 7 && quote.exemption == nil)
    }

    @Test(arguments: [(1, 1, 500), (1, 3, 700), (2, 3, 1400), (3, 1, 1500)])
    func pageSurcharges(_ copies: Int, _ pages: Int, _ total: Int) throws {
        let quote = try schedule.quote(document: Self.land, copies: copies, pages: pages)
        #expect(quote.total == Money(won: total))
        #expect(quote.lines.contains { $0.kind == .pageSurcharge } == (pages > 1))
        #expect(quote.total == quote.lines.reduce(Money.zero) { $0 + $1.amount })
    }

    @Test func outOfDistrictFee() throws {
        #expect(try schedule.quote(document: Self.land, copies: 2, outOfDistrict: true).total == Money(won: 1400))
        #expect(throws: QuoteError.self) { try schedule.quote(document: Self.building, copies: 1, outOfDistrict: true) }
        #expect(try schedule.quote(document: Self.building, copies: 1).total == Money(won: 500))
    }

    @Test(arguments: ExemptionKind.all)
    func everyExemptionWaivesResidentRegistration(_ kind: ExemptionKind) throws {
        let quote = try schedule.quote(document: Self.deungbon, copies: 3, exemptions: [kind])
        #expect(quote.total == .zero)
        #expect(quote.exemption == kind)
        #expect(quote.lines.last?.kind == .exemption && quote.lines.last?.amount == Money(won: -600))
    }

    @Test func exemptionOnlyWhereTheDocumentAcceptsIt() throws {
        let quote = try schedule.quote(document: Self.land, copies: 1, exemptions: [.basicLivelihood])
        #expect(quote.total == Money(won: 500) && quote.exemption == nil)
        let several = try schedule.quote(document: Self.deungbon, copies: 1, exemptions: [.specialMission, .nationalMerit])
        #expect(several.exemption == .nationalMerit)
    }

    @Test func badCountsAreErrors() {
        #expect(throws: QuoteError.self) { try schedule.quote(document: Self.deungbon, copies: 0) }
        #expect(throws: QuoteError.self) { try schedule.quote(document: Self.deungbon, copies: 11) }
        #expect(throws: QuoteError.self) { try schedule.quote(document: Self.land, copies: 1, pages: 0) }
        do {
            _ = try schedule.quote(document: Self.deungbon, copies: -1)
        } catch {
            #expect(error.description.contains("RR-DEUNGBON"))
        }
    }

    @Test func quoteRoundTripsThroughJSON() throws {
        let quote = try schedule.quote(document: Self.deungbon, copies: 2, exemptions: [.agentOrange])
        let data = try JSONEncoder().encode(quote)
        #expect(try JSONDecoder().decode(Quote.self, from: data) == quote)
        #expect(String(decoding: data, as: UTF8.self).contains("\"agent-orange\""))
    }
}
