/// A ccTalk payout hopper (equipment category `Payout`) holding one coin denomination.
///
/// Payouts use header 167 in its unencrypted form (eight zero security bytes, then the count); hoppers
/// that insist on the cipher (header 160 and the manufacturer's key) are not supported. A payout is
/// never sent twice: when its reply is lost, the event counter of header 166 tells whether the
/// hopper took it.
public struct CCTalkHopper: Sendable {
    /// The device on its bus.
    public let peripheral: CCTalkPeripheral

    /// A hopper at `address` on `bus` (default address 3).
    public init(bus: CCTalkBus, address: UInt8 = 3) {
        peripheral = CCTalkPeripheral(bus: bus, address: address)
    }

    /// Header 164 with 165: allows payouts (hoppers power up disabled).
    public func enable() async throws(CCTalkError) {
        try await peripheral.bus.command(.enableHopper, to: peripheral.address, data: [165])
    }

    /// Header 166: the payout status.
    public func status() async throws(CCTalkError) -> CCTalkHopperStatus {
        let address = peripheral.address
        return try await peripheral.bus.request(.requestHopperStatus, to: address) { data throws(CCTalkError) in
            guard data.count == 4 else { throw .unexpectedReply(address: address, header: 166, detail: "hopper status of \(data.count) bytes, expected 4") }
            return CCTalkHopperStatus(eventCounter: data[0], coinsRemaining: Int(data[1]), lastPaid: Int(data[2]), lastUnpaid: Int(data[3]))
        }
    }

    /// Header 167: starts paying `count` coins (1…255). Returns the event counter that identifies
    /// this payout in `status()`. Sent once only (never retried).
    /// - Throws: `CCTalkError.noReply` (or another transport error) only when the hopper provably did
    ///   not take the command (nothing sent, or its event counter did not move); `.nak` when it refused;
    ///   `.outcomeUnknown` when the reply was lost and the status could not be read afterwards.
    public func dispense(_ count: Int) async throws(CCTalkError) -> UInt8 {
        precondition((1...255).contains(count), "a ccTalk payout is 1…255 coins")
        let before = try await status()
        do {
            return try await peripheral.bus.request(.dispenseHopperCoins, to: peripheral.address, data: Array(repeating: 0, count: 8) + [UInt8(count)], idempotent: false) { data throws(CCTalkError) in
                data.first ?? (before.eventCounter == 255 ? 1 : before.eventCounter &+ 1)
            }
        } catch {
            switch error {
            case .noReply, .badChecksum, .echoMismatch, .malformed:
                // The reply was lost: did the hopper take the command?
                let after: CCTalkHopperStatus
                do { after = try await status() } catch { throw .outcomeUnknown(address: peripheral.address, header: 167) }
                if after.eventCounter != before.eventCounter { return after.eventCounter }
                throw error
            default:
                throw error
            }
        }
    }

    /// Header 172: stops a payout at once; returns the coins not paid.
    public func emergencyStop() async throws(CCTalkError) -> Int {
        let address = peripheral.address
        return try await peripheral.bus.request(.emergencyStop, to: address) { data throws(CCTalkError) in Int(data.first ?? 0) }
    }

    /// Headers 217 and 163: level sensors and fault flags.
    public func sensors() async throws(CCTalkError) -> CCTalkHopperSensors {
        let address = peripheral.address
        let level = try await peripheral.bus.request(.requestPayoutHighLowStatus, to: address) { data throws(CCTalkError) -> UInt8 in
            guard let first = data.first else { throw .unexpectedReply(address: address, header: 217, detail: "empty high/low status") }
            return first
        }
        let register = try await peripheral.bus.request(.testHopper, to: address) { data throws(CCTalkError) -> UInt8 in
            guard let first = data.first else { throw .unexpectedReply(address: address, header: 163, detail: "empty test hopper reply") }
            return first
        }
        return CCTalkHopperSensors(
            lowSensorSupported: level & 0x10 != 0, low: level & 0x01 != 0,
            highSensorSupported: level & 0x20 != 0, high: level & 0x02 != 0,
            payoutTimeout: register & 0x02 != 0, motorReversed: register & 0x04 != 0,
            optoFault: register & 0x38 != 0, payoutDisabled: register & 0x80 != 0
        )
    }

    /// Header 171: the coin id the hopper is set up for.
    public func coinID() async throws(CCTalkError) -> String {
        try await peripheral.ascii(CCTalkHeader(rawValue: 171))
    }
}
