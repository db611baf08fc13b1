import KioskConfig
import KioskCore
import KioskPayment

/// Reads `[devices.cash]` with `driver = "cctalk"` into the ccTalk cash module's configuration:
///
/// ```toml
/// [devices.cash]
/// driver = "cctalk"
/// baud = 9600                 # checksum = "simple" | "crc16", local_echo, reply_timeout_ms, retries
/// coin_acceptor = { port = "/dev/serial/by-id/…", address = 2, channels = { "1" = 100, "2" = 500 } }
/// bill_validator = { port = "/dev/serial/by-id/…", address = 40, bill_types = { "1" = 1000, "2" = 5000, "3" = 10000 } }
/// [[devices.cash.hopper]]
/// port = "/dev/serial/by-id/…"
/// address = 3
/// coin = 100
/// low_threshold = 20
/// ```
enum CCTalkSettings {
    static func read(_ table: ConfigTable, reader: inout ConfigReader) -> CCTalkCashConfiguration? {
        func address(_ table: ConfigTable, default value: Int?) -> UInt8? {
            reader.integer(table, "address", required: value == nil, in: 2...255).map(UInt8.init) ?? value.map(UInt8.init)
        }
        func denominations(_ table: ConfigTable, _ key: String) -> [Int: Money] {
            guard let map = reader.table(table, key, required: true) else { return [:] }
            var result: [Int: Money] = [:]
            for (channel, node) in map.entries {
                guard let number = Int(channel), (1...16).contains(number) else {
                    reader.report(node, "channel \"\(channel)\" must be a number from 1 to 16")
                    continue
                }
                guard case .integer(let won) = node.value, won > 0 else {
                    reader.report(node, "expected a positive amount in won")
                    continue
                }
                result[number] = Money(won: won)
            }
            return result
        }
        let start = reader.diagnostics.count
        var coin: CCTalkCashConfiguration.CoinAcceptor?
        if let acceptor = reader.table(table, "coin_acceptor") {
            reader.rejectUnknownKeys(acceptor, allowed: ["port", "address", "channels"])
            coin = CCTalkCashConfiguration.CoinAcceptor(
                port: reader.string(acceptor, "port", required: true) ?? "", address: address(acceptor, default: 2) ?? 2,
                channels: denominations(acceptor, "channels"))
        }
        var bill: CCTalkCashConfiguration.BillValidator?
        if let validator = reader.table(table, "bill_validator") {
            reader.rejectUnknownKeys(validator, allowed: ["port", "address", "bill_types"])
            bill = CCTalkCashConfiguration.BillValidator(
                port: reader.string(validator, "port", required: true) ?? "", address: address(validator, default: 40) ?? 40,
                billTypes: denominations(validator, "bill_types"))
        }
        var hoppers: [CCTalkCashConfiguration.Hopper] = []
        for hopper in reader.tables(table, "hopper") ?? [] {
            reader.rejectUnknownKeys(hopper, allowed: ["port", "address", "coin", "low_threshold"])
            hoppers.append(CCTalkCashConfiguration.Hopper(
                port: reader.string(hopper, "port", required: true) ?? "", address: address(hopper, default: nil) ?? 3,
                coin: Money(won: reader.integer(hopper, "coin", required: true, in: 1...100_000) ?? 100),
                lowThreshold: reader.integer(hopper, "low_threshold", in: 0...10_000) ?? 20))
        }
        if coin == nil && bill == nil {
            reader.report(line: table.line, key: table.keyPath, "a ccTalk cash module needs a coin_acceptor or a bill_validator")
        }
        var bus = CCTalkBusOptions()
        if let baud = reader.integer(table, "baud", in: 1200...115_200) { bus.baudRate = baud }
        if let checksum = reader.string(table, "checksum") {
            switch checksum {
            case "simple": bus.checksum = .simple
            case "crc16": bus.checksum = .crc16
            default: reader.report(table["checksum"]!, "expected \"simple\" or \"crc16\"")
            }
        }
        if let echo = reader.bool(table, "local_echo") { bus.localEcho = echo }
        if let timeout = reader.integer(table, "reply_timeout_ms", in: 10...10_000) { bus.replyTimeout = .milliseconds(timeout) }
        if let retries = reader.integer(table, "retries", in: 0...4) { bus.retries = retries }
        let configuration = CCTalkCashConfiguration(
            coinAcceptor: coin, billValidator: bill, hoppers: hoppers, bus: bus,
            pollInterval: .milliseconds(reader.integer(table, "poll_interval_ms", in: 20...10_000) ?? 200),
            payoutTimeout: .milliseconds(reader.integer(table, "payout_timeout_ms", in: 1000...300_000) ?? 30_000))
        for problem in configuration.problems() { reader.report(line: table.line, key: table.keyPath, problem) }
        return reader.diagnostics.count == start ? configuration : nil
    }
}
