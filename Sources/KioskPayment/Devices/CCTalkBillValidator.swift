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
        let update = try await readBuffer()
        return (update.events.map(CCTalkBillEvent.init), update.lost, update.deviceReset)
    }

    /// Header 159, with the event counter and every buffered result: what `readEvents()` returns,
    /// plus what the host needs to number each event and to find, at start, events it never read.
    public func readBuffer() async throws(CCTalkError) -> CCTalkEventBuffer.Update {
        let address = peripheral.address
        return try await peripheral.bus.request(.readBufferedBillEvents, to: address) { data throws(CCTalkError) in
            try self.buffer.withLock { (buffer: inout CCTalkEventBuffer) throws(CCTalkError) in
                try buffer.accept(data, address: address, header: 159)
            }
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

    /// Header 156: the scaling factor of `country` (2 letters): a bill id's value digits times `factor`,
    /// divided by 10^`decimals`, is the bill's value.
    public func scalingFactor(country: String) async throws(CCTalkError) -> (factor: Int, decimals: Int) {
        let address = peripheral.address
        return try await peripheral.bus.request(.requestCountryScalingFactor, to: address, data: Array(country.utf8.prefix(2))) { data throws(CCTalkError) in
            guard data.count == 3 else { throw .unexpectedReply(address: address, header: 156, detail: "scaling factor of \(data.count) bytes, expected 3") }
            guard data[0] != 0 || data[1] != 0 else { throw .unexpectedReply(address: address, header: 156, detail: "country \(country) is not supported (scaling factor 0)") }
            return (Int(data[0]) | Int(data[1]) << 8, Int(data[2]))
        }
    }

    /// The value of `billType`: its bill id's value digits scaled by the country's scaling factor.
    public func billValue(billType: Int) async throws(CCTalkError) -> (id: String, won: Int) {
        let id = try await billID(billType: billType)
        let characters = Array(id)
        guard characters.count == 7, let digits = Int(String(characters[2..<6])) else {
            throw .unexpectedReply(address: peripheral.address, header: 157, detail: "bill id '\(id)' of type \(billType) is not country + 4 digits + issue")
        }
        let scaling = try await scalingFactor(country: String(characters[0..<2]))
        var value = digits * scaling.factor
        for _ in 0..<scaling.decimals { value /= 10 }
        return (id, value)
    }

    /// Header 157: the bill id of `billType` (e.g. `KR1000A`: country, value, issue).
    public func billID(billType: Int) async throws(CCTalkError) -> String {
        try await peripheral.ascii(.requestBillID, data: [UInt8(clamping: billType)])
    }
}
