/// A coin acceptor: credits coins into its event buffer (229), coin ids (184).
public final class EmulatedCoinAcceptor: EmulatedDevice {
    /// Channel → coin id (`KR100A`).
    public let coinIDs: [Int: String]
    /// The credit event buffer (header 229).
    public var ring = EmulatedEventRing()
    /// Channels of the coins it accepted (they went to the cash box), in order.
    public private(set) var credited: [Int] = []

    /// An acceptor at `address` knowing `coinIDs`.
    public init(address: UInt8 = 2, coinIDs: [Int: String]) {
        self.coinIDs = coinIDs
        super.init(address: address, category: "Coin Acceptor", productCode: "EMU-COIN", serialNumber: 0x0A_0B_0C)
    }

    /// A coin of `channel` goes into the slot.
    public func insert(channel: Int) {
        if faults.contains(.fraudAttempt) { ring.push(0, 20); return }
        if faults.contains(.coinJam) { ring.push(0, 14); return }
        guard coinIDs[channel] != nil else { ring.push(0, 1); return }
        guard channelEnabled(channel) else { ring.push(0, 2); return }
        ring.push(UInt8(channel), 1)
        credited.append(channel)
    }

    /// Credit events and coin ids; the core commands otherwise.
    public override func handle(header: UInt8, data: [UInt8]) -> EmulatorReply {
        switch header {
        case 229: return .ack(ring.reply)
        case 184:
            guard let channel = data.first else { return .nak }
            return .ack(Array((coinIDs[Int(channel)] ?? "......").utf8))
        default: return super.handle(header: header, data: data)
        }
    }
}
