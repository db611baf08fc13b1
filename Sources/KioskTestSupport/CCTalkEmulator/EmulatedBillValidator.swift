/// A bill validator with escrow: bill events (159), routing (154), bill ids (157).
public final class EmulatedBillValidator: EmulatedDevice {
    /// Bill type → bill id (`KR1000A`).
    public let billIDs: [Int: String]
    /// The bill event buffer (header 159).
    public var ring = EmulatedEventRing()
    /// The bill type held in escrow, if any.
    public private(set) var escrow: Int?
    /// Bill types routed to the stacker, in order.
    public private(set) var stacked: [Int] = []
    /// Bill types given back, in order.
    public private(set) var returned: [Int] = []

    /// A validator at `address` knowing `billIDs`.
    public init(address: UInt8 = 40, billIDs: [Int: String]) {
        self.billIDs = billIDs
        super.init(address: address, category: "Bill Validator", productCode: "EMU-BILL", serialNumber: 0x01_02_03)
    }

    /// A bill of `type` goes into the slot.
    public func insert(type: Int) {
        if faults.contains(.fraudAttempt) { ring.push(0, 18); return }
        if faults.contains(.billRejected) || billIDs[type] == nil { ring.push(0, 2); return }
        guard channelEnabled(type) else { ring.push(0, 4); return }
        guard escrow == nil else { ring.push(0, 3); return }
        escrow = type
        ring.push(UInt8(type), 1)
    }

    /// The validator's own escrow timer ran out and it is set to stack (some are): the held note goes
    /// to the stacker without a route command. False when no note is held.
    @discardableResult
    public func escrowTimeoutStacks() -> Bool {
        guard let type = escrow else { return false }
        escrow = nil
        stacked.append(type)
        ring.push(UInt8(type), 0)
        return true
    }

    /// Bill events, routing, bill ids; the core commands otherwise.
    public override func handle(header: UInt8, data: [UInt8]) -> EmulatorReply {
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
