import KioskCore
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [(0, "0원"), (200, "200원"), (1000, "1,000원"), (1_234_567, "1,234,567원"), (-500, "-500원")])
    func formatsWithThousandsSeparators(won: Int, text: String) {
        #expect(Money(won: won).description == text)
    }

    @Test func arithmeticStaysInWholeWon() {
        var total = Money(won: 500) * 3
        total -= Money(won: 200)
        #expect(total == Money(won: 1300))
        #expect(Money(won: 1) < Money(won: 2))
    }
}
