/// A single-coin payout hopper: 164 enable, 167 dispense, 166 status, 172 stop, 217 level, 163 test, 171 coin id.
/// A payout advances by `coinsPerStatusPoll` coins each time the host reads the status, so tests are
/// deterministic without a clock.
public final class EmulatedHopper: EmulatedDevice {
    /// The coin id it reports (header 171), e.g. `KR100A`.
    public let coinID: String
    /// Coins physically in the hopper.
    public var coins: Int
    /// Below this many coins the low sensor is set.
    public var lowTrigger = 10
    /// Coins paid per status read while a payout runs.
    public var coinsPerStatusPoll = 3
    /// Jam after paying this many more coins (nil: no jam).
    public var jamAfter: Int?
    /// Whether the payout is enabled (header 164).
    public private(set) var enabled = false
    /// The payout event counter.
    public private(set) var eventCounter: UInt8 = 0
    /// Coins still to pay in the running payout.
    public private(set) var remaining = 0
    /// Coins paid by the last payout.
    public private(set) var lastPaid = 0
    /// Coins the last payout could not pay.
    public private(set) var lastUnpaid = 0
    /// Coins paid since the emulator started.
    public private(set) var totalPaid = 0
    /// The last payout timed out (empty or jammed).
    public private(set) var payoutTimeout = false
    /// The motor reversed (a jam).
    public private(set) var motorReversed = false

    /// A hopper at `address` paying `coinID`, holding `coins`.
    public init(address: UInt8, coinID: String, coins: Int) {
        self.coinID = coinID
        self.coins = coins
        super.init(address: address, category: "Payout", productCode: "EMU-HOPPER", serialNumber: UInt32(address) << 8 | 0x42)
    }

    private func advance() {
        var step = coinsPerStatusPoll
        while remaining > 0 && step > 0 {
            if faults.contains(.hopperEmpty) || coins == 0 {
                payoutTimeout = true
                lastUnpaid = remaining
                remaining = 0
                return
            }
            if let jam = jamAfter, jam <= 0 {
                motorReversed = true
                payoutTimeout = true
                lastUnpaid = remaining
                remaining = 0
                return
            }
            coins -= 1
            lastPaid += 1
            totalPaid += 1
            remaining -= 1
            jamAfter = jamAfter.map { $0 - 1 }
            step -= 1
        }
    }

    /// Enable, dispense, status, emergency stop, level, test and coin id; the core commands otherwise.
    public override func handle(header: UInt8, data: [UInt8]) -> EmulatorReply {
        switch header {
        case 164:
            enabled = data.first == 165
            return .ack([])
        case 167:
            guard data.count == 9 || data.count == 1, let count = data.last else { return .nak }
            guard enabled, remaining == 0 else { return .nak }
            eventCounter = eventCounter == 255 ? 1 : eventCounter + 1
            remaining = Int(count)
            lastPaid = 0
            lastUnpaid = 0
            payoutTimeout = false
            motorReversed = false
            return .ack([eventCounter])
        case 166:
            advance()
            return .ack([eventCounter, UInt8(remaining), UInt8(lastPaid), UInt8(lastUnpaid)])
        case 172:
            let left = remaining
            lastUnpaid += remaining
            remaining = 0
            return .ack([UInt8(left)])
        case 217:
            let empty = faults.contains(.hopperEmpty) || coins < lowTrigger
            return .ack([0x10 | (empty ? 0x01 : 0)])
        case 163:
            var register: UInt8 = 0
            if payoutTimeout { register |= 0x02 }
            if motorReversed { register |= 0x04 }
            if !enabled { register |= 0x80 }
            return .ack([register, 0, 0])
        case 171: return .ack(Array(coinID.utf8))
        default: return super.handle(header: header, data: data)
        }
    }
}
