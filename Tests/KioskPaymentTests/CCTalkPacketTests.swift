import KioskPayment
import Testing

@Suite("ccTalk packet codec")
struct CCTalkPacketTests {
    @Test("the simple poll to a coin acceptor at address 2 is 02 00 01 FE FF")
    func simplePoll() {
        #expect(CCTalkPacket(destination: 2, source: 1, header: 254).encoded() == [0x02, 0x00, 0x01, 0xFE, 0xFF])
    }

    @Test("its ACK 01 00 02 00 FD decodes as a reply from 2 to the host")
    func ackReply() throws {
        let reply = try CCTalkPacket.decode([0x01, 0x00, 0x02, 0x00, 0xFD])
        #expect(reply == CCTalkPacket(destination: 1, source: 2, header: 0))
        #expect(reply.encoded() == [0x01, 0x00, 0x02, 0x00, 0xFD])
    }

    @Test("every encoded packet sums to 0 mod 256", arguments: [
        CCTalkPacket(destination: 40, source: 1, header: 154, data: [1]),
        CCTalkPacket(destination: 3, source: 1, header: 167, data: [0, 0, 0, 0, 0, 0, 0, 0, 7]),
        CCTalkPacket(destination: 1, source: 2, header: 0, data: Array(repeating: 0xFF, count: 255)),
    ])
    func checksumSums(packet: CCTalkPacket) throws {
        let bytes = packet.encoded()
        #expect(bytes.reduce(UInt8(0), &+) == 0)
        #expect(try CCTalkPacket.decode(bytes) == packet)
    }

    @Test("a flipped byte fails the simple checksum")
    func corrupted() {
        var bytes = CCTalkPacket(destination: 2, source: 1, header: 229).encoded()
        bytes[3] ^= 0x01
        #expect(throws: CCTalkError.badChecksum(address: 1, header: 228)) { try CCTalkPacket.decode(bytes) }
    }

    @Test("a length byte that disagrees with the packet is malformed")
    func wrongLength() {
        #expect(throws: CCTalkError.self) { try CCTalkPacket.decode([0x01, 0x02, 0x02, 0x00, 0xFB]) }
        #expect(throws: CCTalkError.self) { try CCTalkPacket.decode([0x01, 0x00]) }
    }

    @Test("CRC-16/CCITT check value of \"123456789\" is 0x31C3")
    func crcCheckValue() {
        #expect(CCTalkChecksum.crc16(Array("123456789".utf8)) == 0x31C3)
    }

    @Test("CRC-16 packets carry the CRC in the source and checksum bytes and round-trip")
    func crcPacket() throws {
        let packet = CCTalkPacket(destination: 40, source: 1, header: 159)
        let bytes = packet.encoded(.crc16)
        let crc = CCTalkChecksum.crc16([40, 0, 159])
        #expect(bytes == [40, 0, UInt8(crc & 0xFF), 159, UInt8(crc >> 8)])
        #expect(try CCTalkPacket.decode(bytes, checksum: .crc16, impliedSource: 1) == packet)
        var broken = bytes
        broken[3] = 158
        #expect(throws: CCTalkError.self) { try CCTalkPacket.decode(broken, checksum: .crc16, impliedSource: 1) }
    }
}
