/// The kiosk's cash bus as the tests emulate it: a coin acceptor (channels 1 = 100 won, 2 = 500 won),
/// a bill validator (types 1, 2, 3 = 1,000, 5,000, 10,000 won) and two hoppers (500 and 100 won) on one
/// ccTalk line, at fixed addresses.
public enum KioskCashBus {
    /// The coin acceptor's address.
    public static let coinAcceptor: UInt8 = 2
    /// The bill validator's address.
    public static let billValidator: UInt8 = 40
    /// The 500 won hopper's address.
    public static let hopper500: UInt8 = 3
    /// The 100 won hopper's address.
    public static let hopper100: UInt8 = 4

    /// The bus, running and not yet opened by any host, with `coins500` / `coins100` coins in the hoppers.
    /// - Throws: `EmulatorError` when the pseudo-terminal cannot be opened.
    public static func emulator(coins500: Int, coins100: Int) throws -> CCTalkEmulator {
        try CCTalkEmulator(devices: [
            EmulatedCoinAcceptor(address: coinAcceptor, coinIDs: [1: "KR100A", 2: "KR500A"]),
            EmulatedBillValidator(address: billValidator, billIDs: [1: "KR0001A", 2: "KR0005A", 3: "KR0010A"]),
            EmulatedHopper(address: hopper500, coinID: "KR500A", coins: coins500),
            EmulatedHopper(address: hopper100, coinID: "KR100A", coins: coins100),
        ])
    }
}
