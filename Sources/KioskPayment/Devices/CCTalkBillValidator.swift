import Synchronization

/// A ccTalk bill validator (equipment category `Bill Validator`) with escrow: inhibits, the bill
/// event buffer (159) and routing (154).
public final class CCTalkBillValidator: Sendable {
    /// How a bill in escrow is routed (header 154).
    public enum Route: UInt8, Sendable {
        /// Give the bill back to the customer.
        case returnBill = 0
        /// Move the bill to the stacker (cash box).
        case stack = 1
        /// Keep holding it (extend the escrow timeout).
        case hold = 255
    }

    /// The device on its bus.
    public let peripheral: CCTalkPeripheral
    private let buffer = Mutex(CCTalkEventBuffer())

    /// A bill validator at `address` on `bus` (default address 40).
    public init(bus: CCTalkBus, address: UInt8 = 40) {
        peripheral = CCTalkPeripheral(bus: bus, address: address)
    }

    /// Header 159: the events since the last read, oldest first (see `CCTalkEventBuffer`).
    public func readEvents() async throws(CCTalkError) -> (events: [CCTalkBillEvent], lost: Int, reset: Bool) {
        let address = peripheral.address
        return try await peripheral.bus.request(.readBufferedBillEvents, to: address) { data throws(CCTalkError) in
            let update = try self.buffer.withLock { (buffer: inout CCTalkEventBuffer) throws(CCTalkError) in
                try buffer.accept(data, address: address, header: 159)
            }
            return (update.events.map(CCTalkBillEvent.init), update.lost, update.deviceReset)
        }
    }

    /// Header 154: routes the bill in escrow.
    /// - Throws: `CCTalkError.unexpectedReply` with "escrow is empty" (code 254) or "failed to route" (255).
    public func route(_ route: Route) async throws(CCTalkError) {
        let address = peripheral.address
        try await peripheral.bus.request(.routeBill, to: address, data: [route.rawValue]) { data throws(CCTalkError) in
            guard let code = data.first else { return }
            switch code {
            case 254: throw .unexpectedReply(address: address, header: 154, detail: "escrow is empty")
            case 255: throw .unexpectedReply(address: address, header: 154, detail: "failed to route the bill")
            default: throw .unexpectedReply(address: address, header: 154, detail: "route error code \(code)")
            }
        }
    }

    /// Header 157: the bill id of `billType` (e.g. `KR1000A`: country, value, issue).
    public func billID(billType: Int) async throws(CCTalkError) -> String {
        try await peripheral.ascii(.requestBillID, data: [UInt8(clamping: billType)])
    }
}
