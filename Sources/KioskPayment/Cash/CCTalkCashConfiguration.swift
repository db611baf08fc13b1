public import KioskCore

/// How the ccTalk cash module is wired: which serial port and address each device has, which coin or
/// note each channel means, and the bus timing. Devices on the same `port` share one bus.
///
/// Config keys the daemon reads (`[devices.cash]` with `driver = "cctalk"`): `baud`, `checksum`
/// (`simple` | `crc16`), `local_echo`, `reply_timeout_ms`, `retries`, `poll_interval_ms`,
/// `payout_timeout_ms`; `[devices.cash.coin_acceptor]` `port`, `address`, `channels = { "1" = 100, … }`;
/// `[devices.cash.bill_validator]` `port`, `address`, `bill_types = { "1" = 1000, … }`;
/// `[[devices.cash.hopper]]` `port`, `address`, `coin`, `low_threshold`.
public struct CCTalkCashConfiguration: Sendable, Hashable {
    /// The coin acceptor.
    public struct CoinAcceptor: Sendable, Hashable {
        /// Serial device path.
        public var port: String
        /// ccTalk address (2 by default).
        public var address: UInt8
        /// Coin channel (1…16) → value, as the acceptor was programmed.
        public var channels: [Int: Money]

        /// A coin acceptor.
        public init(port: String, address: UInt8 = 2, channels: [Int: Money]) {
            self.port = port
            self.address = address
            self.channels = channels
        }
    }

    /// The bill validator (with escrow).
    public struct BillValidator: Sendable, Hashable {
        /// Serial device path.
        public var port: String
        /// ccTalk address (40 by default).
        public var address: UInt8
        /// Bill type (1…16) → value, as the validator was programmed.
        public var billTypes: [Int: Money]

        /// A bill validator.
        public init(port: String, address: UInt8 = 40, billTypes: [Int: Money]) {
            self.port = port
            self.address = address
            self.billTypes = billTypes
        }
    }

    /// One payout hopper; each holds one coin.
    public struct Hopper: Sendable, Hashable {
        /// Serial device path.
        public var port: String
        /// ccTalk address (3, 4, … by default).
        public var address: UInt8
        /// The coin it pays.
        public var coin: Money
        /// Below this many coins the level is `low` (a warning to central before it runs out).
        public var lowThreshold: Int

        /// A hopper.
        public init(port: String, address: UInt8, coin: Money, lowThreshold: Int = 20) {
            self.port = port
            self.address = address
            self.coin = coin
            self.lowThreshold = lowThreshold
        }
    }

    /// The coin acceptor, if fitted.
    public var coinAcceptor: CoinAcceptor?
    /// The bill validator, if fitted.
    public var billValidator: BillValidator?
    /// The hoppers (Korean kiosks: 100 and 500 won).
    public var hoppers: [Hopper]
    /// Line speed, checksum, echo, timeouts and retries of every bus.
    public var bus: CCTalkBusOptions
    /// How often `run()` polls the event buffers (the specification asks for at least every second).
    public var pollInterval: Duration
    /// How often a running payout's status is read.
    public var payoutPollInterval: Duration
    /// The longest a payout may take before it is stopped (emergency stop) and the rest counted unpaid.
    public var payoutTimeout: Duration
    /// The longest to wait for the validator to confirm a stack or a return.
    public var routeTimeout: Duration
    /// Check at start that each channel's coin id / bill id (`KR100A`, `KR1000A`) names the configured value.
    public var verifyDenominations: Bool

    /// A configuration.
    public init(
        coinAcceptor: CoinAcceptor?, billValidator: BillValidator?, hoppers: [Hopper],
        bus: CCTalkBusOptions = CCTalkBusOptions(), pollInterval: Duration = .milliseconds(200),
        payoutPollInterval: Duration = .milliseconds(100), payoutTimeout: Duration = .seconds(30),
        routeTimeout: Duration = .seconds(5), verifyDenominations: Bool = true
    ) {
        self.coinAcceptor = coinAcceptor
        self.billValidator = billValidator
        self.hoppers = hoppers
        self.bus = bus
        self.pollInterval = pollInterval
        self.payoutPollInterval = payoutPollInterval
        self.payoutTimeout = payoutTimeout
        self.routeTimeout = routeTimeout
        self.verifyDenominations = verifyDenominations
    }

    /// Every problem with this configuration, each naming the key (empty when it is usable).
    public func problems() -> [String] {
        var problems: [String] = []
        var used: [String: String] = [:]
        func claim(_ port: String, _ address: UInt8, _ key: String) {
            if port.isEmpty { problems.append("\(key).port is empty") }
            if address < 2 { problems.append("\(key).address \(address) is reserved (0 broadcast, 1 host)") }
            let slot = "\(port)#\(address)"
            if let other = used[slot] { problems.append("\(key) has the same port and address (\(port), \(address)) as \(other)") }
            used[slot] = key
        }
        if let coinAcceptor {
            claim(coinAcceptor.port, coinAcceptor.address, "coin_acceptor")
            for (channel, value) in coinAcceptor.channels {
                if !(1...16).contains(channel) { problems.append("coin_acceptor.channels: channel \(channel) is outside 1…16") }
                if value <= .zero { problems.append("coin_acceptor.channels: channel \(channel) has a non-positive value \(value)") }
            }
        }
        if let billValidator {
            claim(billValidator.port, billValidator.address, "bill_validator")
            for (type, value) in billValidator.billTypes {
                if !(1...16).contains(type) { problems.append("bill_validator.bill_types: type \(type) is outside 1…16") }
                if value <= .zero { problems.append("bill_validator.bill_types: type \(type) has a non-positive value \(value)") }
            }
        }
        var coins: Set<Money> = []
        for (index, hopper) in hoppers.enumerated() {
            claim(hopper.port, hopper.address, "hopper[\(index)]")
            if hopper.coin <= .zero { problems.append("hopper[\(index)].coin must be positive, not \(hopper.coin)") }
            if !coins.insert(hopper.coin).inserted { problems.append("hopper[\(index)].coin \(hopper.coin) is paid by two hoppers") }
            if hopper.lowThreshold < 0 { problems.append("hopper[\(index)].low_threshold must not be negative") }
        }
        if !(1...5).contains(bus.retries + 1) { problems.append("retries must be 0…4, not \(bus.retries)") }
        return problems
    }
}
