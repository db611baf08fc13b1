/// One ccTalk packet: `[destination] [data length] [source] [header] [data…] [checksum]`.
///
/// In CRC-16 mode the source byte carries the CRC's low byte and the last byte its high byte; the
/// source is then implied (the host is 1, a device is its own address), so `decode` needs it.
public struct CCTalkPacket: Sendable, Hashable {
    /// The address the packet goes to (1 = host, 0 = broadcast).
    public var destination: UInt8
    /// The address it comes from.
    public var source: UInt8
    /// The command (or 0 = ACK / reply, 5 = NAK, 6 = BUSY in replies).
    public var header: UInt8
    /// Up to 255 data bytes.
    public var data: [UInt8]

    /// A packet.
    public init(destination: UInt8, source: UInt8, header: UInt8, data: [UInt8] = []) {
        self.destination = destination
        self.source = source
        self.header = header
        self.data = data
    }

    /// The packet's bytes on the wire.
    /// - Precondition: at most 255 data bytes (the caller builds packets from fixed-size commands).
    public func encoded(_ checksum: CCTalkChecksum = .simple) -> [UInt8] {
        precondition(data.count <= 255, "a ccTalk packet carries at most 255 data bytes")
        switch checksum {
        case .simple:
            let body = [destination, UInt8(data.count), source, header] + data
            return body + [CCTalkChecksum.simpleChecksum(body)]
        case .crc16:
            let crc = CCTalkChecksum.crc16([destination, UInt8(data.count), header] + data)
            return [destination, UInt8(data.count), UInt8(crc & 0xFF), header] + data + [UInt8(crc >> 8)]
        }
    }

    /// How many bytes a packet whose first two bytes are `destination, length` has in all.
    public static func totalLength(dataLength: UInt8) -> Int { Int(dataLength) + 5 }

    /// Decodes one whole packet.
    /// - Parameter impliedSource: the source address to assume in CRC-16 mode.
    /// - Throws: `CCTalkError.malformed` when the length is wrong, `.badChecksum` when the checksum fails.
    public static func decode(_ bytes: [UInt8], checksum: CCTalkChecksum = .simple, impliedSource: UInt8 = 0) throws(CCTalkError) -> CCTalkPacket {
        guard bytes.count >= 5 else { throw .malformed("\(bytes.count) bytes is shorter than any ccTalk packet (5)") }
        guard bytes.count == totalLength(dataLength: bytes[1]) else {
            throw .malformed("length byte says \(bytes[1]) data bytes but the packet has \(bytes.count - 5)")
        }
        let data = Array(bytes[4..<(bytes.count - 1)])
        switch checksum {
        case .simple:
            guard CCTalkChecksum.simpleChecksum(bytes) == 0 else { throw .badChecksum(address: bytes[2], header: bytes[3]) }
            return CCTalkPacket(destination: bytes[0], source: bytes[2], header: bytes[3], data: data)
        case .crc16:
            let crc = CCTalkChecksum.crc16([bytes[0], bytes[1], bytes[3]] + data)
            guard UInt8(crc & 0xFF) == bytes[2], UInt8(crc >> 8) == bytes[bytes.count - 1] else {
                throw .badChecksum(address: impliedSource, header: bytes[3])
            }
            return CCTalkPacket(destination: bytes[0], source: impliedSource, header: bytes[3], data: data)
        }
    }
}
