import Synchronization

/// A ccTalk coin acceptor (equipment category `Coin Acceptor`): inhibits and the credit buffer (229).
public final class CCTalkCoinAcceptor: Sendable {
    /// The device on its bus.
    public let peripheral: CCTalkPeripheral
    private let buffer = Mutex(CCTalkEventBuffer())

    /// A coin acceptor at `address` on `bus` (default address 2).
    public init(bus: CCTalkBus, address: UInt8 = 2) {
        peripheral = CCTalkPeripheral(bus: bus, address: address)
    }

    /// Header 229: the events since the last read, oldest first. The first read after start only
    /// learns the event counter (earlier events happened while nobody listened).
    public func readEvents() async throws(CCTalkError) -> (events: [CCTalkCoinEvent], lost: Int, reset: Bool) {
        let update = try await readBuffer()
        return (update.events.map(CCTalkCoinEvent.init), update.lost, update.deviceReset)
    }

    /// Header 229, with the event counter and every buffered result: what `readEvents()` returns,
    /// plus what the host needs to number each event and to find, at start, events it never read.
    public func readBuffer() async throws(CCTalkError) -> CCTalkEventBuffer.Update {
        let address = peripheral.address
        return try await peripheral.bus.request(.readBufferedCredit, to: address) { data throws(CCTalkError) in
            try self.buffer.withLock { (buffer: inout CCTalkEventBuffer) throws(CCTalkError) in
                try buffer.accept(data, address: address, header: 229)
            }
        }
    }

    /// Header 184: the coin id of `channel` (e.g. `KR100A`: country, value, issue).
    public func coinID(channel: Int) async throws(CCTalkError) -> String {
        try await peripheral.ascii(.requestCoinID, data: [UInt8(clamping: channel)])
    }
}
