public import KioskDevices

/// Binary PGM (P5, maxval 255) for fixtures and the technician's debug dump. Nothing in the
/// kiosk writes images on its own: see `DebugImageDump`.
public enum PGM {
    /// Why bytes are not a binary 8-bit PGM.
    public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public let reason: String
        /// `not a binary PGM: …`.
        public var description: String { "not a binary PGM: \(reason)" }
    }

    /// The P5 encoding of `image`.
    public static func encode(_ image: GrayImage) -> [UInt8] {
        Array("P5\n\(image.width) \(image.height)\n255\n".utf8) + image.pixels
    }

    /// Decodes a P5 PGM with maxval 255 (comments allowed in the header).
    /// - Throws: `PGM.FormatError` naming the problem.
    public static func decode(_ bytes: [UInt8]) throws(FormatError) -> GrayImage {
        var index = 0
        func skipSpaceAndComments() {
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "#") {
                    while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                } else if [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
                    index += 1
                } else {
                    return
                }
            }
        }
        func number(_ name: String) throws(FormatError) -> Int {
            skipSpaceAndComments()
            let start = index
            while index < bytes.count && (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > start, let value = Int(String(decoding: bytes[start..<index], as: UTF8.self)) else {
                throw FormatError(reason: "missing \(name)")
            }
            return value
        }
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "5") else {
            throw FormatError(reason: "it does not start with P5")
        }
        index = 2
        let width = try number("width"), height = try number("height"), maxval = try number("maximum value")
        guard width > 0, height > 0 else { throw FormatError(reason: "size \(width)×\(height)") }
        guard maxval == 255 else { throw FormatError(reason: "maximum value \(maxval) (only 255 is supported)") }
        index += 1  // the single whitespace byte before the raster
        guard bytes.count - index >= width * height else {
            throw FormatError(reason: "raster has \(max(0, bytes.count - index)) bytes, needs \(width * height)")
        }
        return GrayImage(width: width, height: height, pixels: Array(bytes[index..<(index + width * height)]))
    }
}
