import KioskPayment
import Testing

@Suite("ccTalk event buffer counting")
struct CCTalkEventBufferTests {
    private func reply(_ counter: UInt8, _ pairs: [(UInt8, UInt8)]) -> [UInt8] {
        var bytes = [counter]
        for index in 0..<5 { bytes += index < pairs.count ? [pairs[index].0, pairs[index].1] : [0, 0] }
        return bytes
    }

    @Test("the first poll only learns the counter; later polls return new events oldest first")
    func newEvents() throws {
        var buffer = CCTalkEventBuffer()
        #expect(try buffer.accept(reply(7, [(1, 1)]), address: 2, header: 229).events.isEmpty)
        let update = try buffer.accept(reply(9, [(2, 1), (1, 1), (1, 1)]), address: 2, header: 229)
        #expect(update.events == [.init(a: 1, b: 1), .init(a: 2, b: 1)])
        #expect(update.lost == 0)
        #expect(try buffer.accept(reply(9, [(2, 1)]), address: 2, header: 229).events.isEmpty)
    }

    @Test("the counter wraps from 255 to 1, skipping 0")
    func wraps() throws {
        var buffer = CCTalkEventBuffer()
        _ = try buffer.accept(reply(254, []), address: 2, header: 229)
        let update = try buffer.accept(reply(2, [(3, 0), (2, 0), (1, 0)]), address: 2, header: 229)
        #expect(update.events.map(\.a) == [1, 2, 3])
    }

    @Test("more than five events between polls reports the lost ones; 0 reports a reset")
    func lostAndReset() throws {
        var buffer = CCTalkEventBuffer()
        _ = try buffer.accept(reply(1, []), address: 2, header: 229)
        let update = try buffer.accept(reply(8, [(1, 1), (1, 1), (1, 1), (1, 1), (1, 1)]), address: 2, header: 229)
        #expect(update.events.count == 5)
        #expect(update.lost == 2)
        #expect(try buffer.accept(reply(0, []), address: 2, header: 229).deviceReset)
    }

    @Test("a reply of the wrong shape is an error naming the header")
    func wrongShape() {
        var buffer = CCTalkEventBuffer()
        #expect(throws: CCTalkError.unexpectedReply(address: 2, header: 229, detail: "event buffer reply of 2 bytes, expected an event counter and result pairs")) {
            try buffer.accept([1, 2], address: 2, header: 229)
        }
    }
}
