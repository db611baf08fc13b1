extension MinutiaeTemplate {
    /// The ISO/IEC 19794-2:2005 finger-minutiae record: a 24-byte header ("FMR\0", " 20\0", total
    /// length, equipment, image size, resolution, one view), a 4-byte view header (position, view 0 /
    /// live-scan plain impression, quality, count), 6 bytes per minutia (type and x in 16 bits,
    /// y in 16 bits, angle, quality) and an empty extended-data block.
    public func isoRecord() -> [UInt8] {
        let length = 24 + 4 + 6 * minutiae.count + 2
        var bytes: [UInt8] = [0x46, 0x4D, 0x52, 0x00, 0x20, 0x32, 0x30, 0x00]
        bytes.reserveCapacity(length)
        Self.append32(UInt32(length), to: &bytes)
        Self.append16(0, to: &bytes)  // capture equipment: no certification, unreported id
        Self.append16(UInt16(clamping: width), to: &bytes)
        Self.append16(UInt16(clamping: height), to: &bytes)
        Self.append16(horizontalResolution, to: &bytes)
        Self.append16(verticalResolution, to: &bytes)
        bytes += [1, 0]  // one finger view, reserved
        bytes += [fingerPosition, 0x00, fingerQuality, UInt8(minutiae.count)]  // view 0, impression 0
        for minutia in minutiae {
            Self.append16(UInt16(minutia.kind.rawValue) << 14 | UInt16(minutia.x), to: &bytes)
            Self.append16(UInt16(minutia.y), to: &bytes)
            bytes += [minutia.angle, minutia.quality]
        }
        Self.append16(0, to: &bytes)  // no extended data
        return bytes
    }

    /// Decodes an ISO/IEC 19794-2:2005 record (the first finger view; extended data is skipped).
    /// - Throws: `TemplateDecodingError` naming what is wrong.
    public init(isoRecord bytes: [UInt8]) throws(TemplateDecodingError) {
        guard bytes.count >= 24 else { throw .truncated(needed: 24, available: bytes.count) }
        guard bytes[0] == 0x46, bytes[1] == 0x4D, bytes[2] == 0x52, bytes[3] == 0 else { throw .badMagic }
        guard bytes[4] == 0x20, bytes[5] == 0x32, bytes[6] == 0x30, bytes[7] == 0 else {
            throw .unsupportedVersion(String(decoding: bytes[4..<7], as: UTF8.self))
        }
        let declared = Int(Self.read32(bytes, 8))
        guard declared == bytes.count else { throw .lengthMismatch(declared: declared, actual: bytes.count) }
        let width = Int(Self.read16(bytes, 14)), height = Int(Self.read16(bytes, 16))
        let horizontal = Self.read16(bytes, 18), vertical = Self.read16(bytes, 20)
        guard bytes[22] >= 1 else { throw .noFingerView }
        guard bytes.count >= 28 else { throw .truncated(needed: 28, available: bytes.count) }
        let position = bytes[24], quality = bytes[26], count = Int(bytes[27])
        guard position <= 10 else { throw .invalidField("finger position \(position) (0–10 allowed)") }
        guard quality <= 100 else { throw .invalidField("finger quality \(quality) (0–100 allowed)") }
        let needed = 28 + 6 * count + 2
        guard bytes.count >= needed else { throw .truncated(needed: needed, available: bytes.count) }
        var minutiae: [Minutia] = []
        minutiae.reserveCapacity(count)
        for index in 0..<count {
            let offset = 28 + 6 * index
            let first = Self.read16(bytes, offset), second = Self.read16(bytes, offset + 2)
            guard let kind = Minutia.Kind(rawValue: UInt8(first >> 14)) else {
                throw .invalidField("minutia \(index + 1) has type bits 11 (reserved)")
            }
            let minutiaQuality = bytes[offset + 5]
            guard minutiaQuality <= 100 else { throw .invalidField("minutia \(index + 1) quality \(minutiaQuality) (0–100 allowed)") }
            minutiae.append(Minutia(
                kind: kind, x: Int(first & 0x3FFF), y: Int(second & 0x3FFF), angle: bytes[offset + 4], quality: minutiaQuality))
        }
        self.init(
            width: width, height: height, horizontalResolution: horizontal, verticalResolution: vertical,
            fingerPosition: position, fingerQuality: quality, minutiae: minutiae)
    }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private static func read16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    private static func read32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[offset + $1]) }
    }
}
