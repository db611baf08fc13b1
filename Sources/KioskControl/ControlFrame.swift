/// The control socket's framing: a 4-byte big-endian length, then that many bytes of UTF-8 JSON.
public enum ControlFrame {
    /// The largest frame either side accepts.
    public static let maximumLength = 1 << 20

    /// `payload` with its length prefix.
    public static func encode(_ payload: [UInt8]) -> [UInt8] {
        let length = UInt32(payload.count)
        return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + payload
    }

    /// The payload length announced by a 4-byte header.
    public static func length(ofHeader header: some Collection<UInt8>) -> Int {
        header.reduce(0) { $0 << 8 | Int($1) }
    }
}
