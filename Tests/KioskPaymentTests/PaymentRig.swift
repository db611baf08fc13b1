import KioskCore
import KioskDevices
import KioskPayment
import KioskTestSupport

/// The standard test kiosk: one ccTalk bus on a pseudo-terminal with a coin acceptor (2: 100 and 500
/// won), a bill validator (40: 1,000, 5,000 and 10,000 won) and two hoppers (3: 500 won, 4: 100 won).
struct PaymentRig {
    static let coinAcceptor = KioskCashBus.coinAcceptor
    static let billValidator = KioskCashBus.billValidator
    static let hopper500 = KioskCashBus.hopper500
    static let hopper100 = KioskCashBus.hopper100

    let emulator: CCTalkEmulator
    let handler: CCTalkCashHandler

    /// Coin channel 1 = 100 won, 2 = 500 won; bill type 1 = 1,000, 2 = 5,000, 3 = 10,000 won.
    static func configuration(path: String) -> CCTalkCashConfiguration {
        CCTalkCashConfiguration(
            coinAcceptor: .init(port: path, address: coinAcceptor, channels: [1: Money(won: 100), 2: Money(won: 500)]),
            billValidator: .init(port: path, address: billValidator, billTypes: [1: Money(won: 1000), 2: Money(won: 5000), 3: Money(won: 10000)]),
            hoppers: [
                .init(port: path, address: hopper500, coin: Money(won: 500), lowThreshold: 10),
                .init(port: path, address: hopper100, coin: Money(won: 100), lowThreshold: 10),
            ],
            bus: CCTalkBusOptions(replyTimeout: .milliseconds(100), retries: 1),
            pollInterval: .milliseconds(5), payoutPollInterval: .milliseconds(1),
            payoutTimeout: .seconds(5), routeTimeout: .seconds(2)
        )
    }

    /// The kiosk's bus, not started by any host: coin acceptor (100, 500 won), bill validator (1,000,
    /// 5,000, 10,000 won) and the two hoppers holding `coins500` / `coins100`.
    static func emulator(coins500: Int, coins100: Int) throws -> CCTalkEmulator {
        try KioskCashBus.emulator(coins500: coins500, coins100: coins100)
    }

    /// A started rig whose hoppers physically hold `coins500` / `coins100` coins while the host
    /// believes they hold `counted500` / `counted100` (the same unless a test says otherwise).
    static func start(coins500: Int = 100, coins100: Int = 100, counted500: Int? = nil, counted100: Int? = nil) async throws -> PaymentRig {
        let emulator = try Self.emulator(coins500: coins500, coins100: coins100)
        let handler = try CCTalkCashHandler(
            configuration: configuration(path: emulator.path),
            hopperCounts: [Money(won: 500): counted500 ?? coins500, Money(won: 100): counted100 ?? coins100]
        )
        try await handler.start()
        return PaymentRig(emulator: emulator, handler: handler)
    }

    func insertCoin(channel: Int) {
        emulator.with(EmulatedCoinAcceptor.self, at: Self.coinAcceptor) { $0.insert(channel: channel) }
    }

    func insertBill(type: Int) {
        emulator.with(EmulatedBillValidator.self, at: Self.billValidator) { $0.insert(type: type) }
    }

    func paidOut(by address: UInt8) -> Int {
        emulator.with(EmulatedHopper.self, at: address) { $0.totalPaid }
    }
}

/// Collects cash events from a stream without waiting on the clock: `take(n)` returns the next n.
final class EventCollector: Sendable {
    private let stream: AsyncStream<CashEvent>

    init(_ stream: AsyncStream<CashEvent>) { self.stream = stream }

    func take(_ count: Int) async -> [CashEvent] {
        var events: [CashEvent] = []
        for await event in stream {
            events.append(event)
            if events.count == count { break }
        }
        return events
    }
}
