/// What an emulated device answers to one request.
enum EmulatorReply: Equatable {
    /// ACK (header 0) with data.
    case ack([UInt8])
    /// NAK (header 5).
    case nak
    /// No answer (the specification: ignore unknown or malformed commands).
    case silent
}

/// A ccTalk device in the emulator. Used only under the emulator's lock.
class EmulatedDevice {
    let address: UInt8
    let category: String
    let manufacturer: String
    let productCode: String
    let serialNumber: UInt32
    var faults: Set<EmulatorFault> = []
    var inhibitMask: UInt16 = 0
    var masterEnabled = false

    init(address: UInt8, category: String, productCode: String, serialNumber: UInt32) {
        self.address = address
        self.category = category
        self.manufacturer = "KTE"
        self.productCode = productCode
        self.serialNumber = serialNumber
    }

    /// The core commands every device answers; subclasses add their own and call this last.
    func handle(header: UInt8, data: [UInt8]) -> EmulatorReply {
        switch header {
        case 254: return .ack([])
        case 245: return .ack(Array(category.utf8))
        case 246: return .ack(Array(manufacturer.utf8))
        case 244: return .ack(Array(productCode.utf8))
        case 242: return .ack([UInt8(serialNumber & 0xFF), UInt8(serialNumber >> 8 & 0xFF), UInt8(serialNumber >> 16 & 0xFF)])
        case 241: return .ack(Array("1.0-emu".utf8))
        case 231:
            guard data.count == 2 else { return .nak }
            inhibitMask = UInt16(data[0]) | UInt16(data[1]) << 8
            return .ack([])
        case 230: return .ack([UInt8(inhibitMask & 0xFF), UInt8(inhibitMask >> 8)])
        case 228:
            guard data.count == 1 else { return .nak }
            masterEnabled = data[0] & 1 == 1
            return .ack([])
        case 227: return .ack([masterEnabled ? 1 : 0])
        case 1: return .ack([])
        default: return .nak
        }
    }

    func channelEnabled(_ channel: Int) -> Bool {
        masterEnabled && (1...16).contains(channel) && inhibitMask & (1 << (channel - 1)) != 0
    }
}

/// A coin acceptor: credits coins into its event buffer (229), coin ids (184).
final class EmulatedCoinAcceptor: EmulatedDevice {
    /// Channel → coin id (`KR100A`).
    let coinIDs: [Int: String]
    var ring = EmulatedEventRing()

    init(address: UInt8 = 2, coinIDs: [Int: String]) {
        self.coinIDs = coinIDs
        super.init(address: address, category: "Coin Acceptor", productCode: "EMU-COIN", serialNumber: 0x0A_0B_0C)
    }

    /// A coin of `channel` goes into the slot.
    func insert(channel: Int) {
        if faults.contains(.fraudAttempt) { ring.push(0, 20); return }
        if faults.contains(.coinJam) { ring.push(0, 14); return }
        guard coinIDs[channel] != nil else { ring.push(0, 1); return }
        guard channelEnabled(channel) else { ring.push(0, 2); return }
        ring.push(UInt8(channel), 1)
    }

    override func handle(header: UInt8, data: [UInt8]) -> EmulatorReply {
        switch header {
        case 229: return .ack(ring.reply)
        case 184:
            guard let channel = data.first else { return .nak }
            return .ack(Array((coinIDs[Int(channel)] ?? "......").utf8))
        default: return super.handle(header: header, data: data)
        }
    }
}

/// A bill validator with escrow: bill events (159), routing (154), bill ids (157).
final class EmulatedBillValidator: EmulatedDevice {
    /// Bill type → bill id (`KR1000A`).
    let billIDs: [Int: String]
    var ring = EmulatedEventRing()
    private(set) var escrow: Int?
    private(set) var stacked: [Int] = []
    private(set) var returned: [Int] = []

    init(address: UInt8 = 40, billIDs: [Int: String]) {
        self.billIDs = billIDs
        super.init(address: address, category: "Bill Validator", productCode: "EMU-BILL", serialNumber: 0x01_02_03)
    }

    /// A bill of `type` goes into the slot.
    func insert(type: Int) {
        if faults.contains(.fraudAttempt) { ring.push(0, 18); return }
        if faults.contains(.billRejected) || billIDs[type] == nil { ring.push(0, 2); return }
        guard channelEnabled(type) else { ring.push(0, 4); return }
        guard escrow == nil else { ring.push(0, 3); return }
        escrow = type
        ring.push(UInt8(type), 1)
    }

    override func handle(header: UInt8, data: [UInt8]) -> EmulatorReply {
        switch header {
        case 159: return .ack(ring.reply)
        case 156:
            // Korean won: bill ids carry thousands (KR0001A = 1,000 won).
            return .ack(data == Array("KR".utf8) ? [0xE8, 0x03, 0] : [0, 0, 0])
        case 157:
            guard let type = data.first else { return .nak }
            return .ack(Array((billIDs[Int(type)] ?? ".......").utf8))
        case 154:
            guard let route = data.first else { return .nak }
            guard let type = escrow else { return .ack([254]) }
            switch route {
            case 0:
                escrow = nil
                returned.append(type)
                ring.push(0, 1)
            case 1:
                escrow = nil
                stacked.append(type)
                ring.push(UInt8(type), 0)
            case 255: break
            default: return .ack([255])
            }
            return .ack([])
        default: return super.handle(header: header, data: data)
        }
    }
}

/// A single-coin payout hopper: 164 enable, 167 dispense, 166 status, 172 stop, 217 level, 163 test, 171 coin id.
/// A payout advances by `coinsPerStatusPoll` coins each time the host reads the status, so tests are
/// deterministic without a clock.
final class EmulatedHopper: EmulatedDevice {
    let coinID: String
    var coins: Int
    var lowTrigger = 10
    var coinsPerStatusPoll = 3
    /// Jam after paying this many more coins (nil: no jam).
    var jamAfter: Int?
    private(set) var enabled = false
    private(set) var eventCounter: UInt8 = 0
    private(set) var remaining = 0
    private(set) var lastPaid = 0
    private(set) var lastUnpaid = 0
    private(set) var totalPaid = 0
    private(set) var payoutTimeout = false
    private(set) var motorReversed = false

    init(address: UInt8, coinID: String, coins: Int) {
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

    override func handle(header: UInt8, data: [UInt8]) -> EmulatorReply {
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
