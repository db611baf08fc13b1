/// How a ccTalk packet is protected.
public enum CCTalkChecksum: String, Sendable, Hashable, Codable, CaseIterable {
    /// The standard 8-bit checksum: every byte of the packet sums to 0 mod 256.
    case simple
    /// CRC-16/CCITT (polynomial 0x1021, initial value 0) over destination, length, header and data;
    /// its low byte replaces the source address and its high byte is the last byte.
    case crc16

    /// The 8-bit checksum byte that makes `bytes` plus it sum to 0 mod 256.
    public static func simpleChecksum(_ bytes: some Sequence<UInt8>) -> UInt8 {
        var sum: UInt8 = 0
        for byte in bytes { sum &+= byte }
        return 0 &- sum
    }

    /// CRC-16/CCITT (0x1021, initial 0, no reflection) of `bytes`, as ccTalk uses it.
    public static func crc16(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var crc: UInt16 = 0
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 {
                crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1
            }
        }
        return crc
    }
}
