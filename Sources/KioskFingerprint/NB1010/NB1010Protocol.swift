/// The NEXT Biometrics NB-1010-U wire protocol, as observed in a real recording (libfprint's
/// `tests/nb1010`): commands go to bulk OUT 0x02 and start `0x80, opcode, sequence, 0x00` followed by
/// their total length (4 bytes little-endian); every reply on bulk IN 0x83 is 16 bytes in the same
/// framing; an image arrives as 90 chunks of 540 bytes, each a 25-byte header and two 256-pixel rows.
enum NB1010Protocol {
    static let vendorID: UInt16 = 0x298d
    static let productID: UInt16 = 0x1010
    static let outEndpoint: UInt8 = 0x02
    static let inEndpoint: UInt8 = 0x83
    static let width = 256
    static let height = 180
    static let replyLength = 16
    static let chunkLength = 540
    static let chunkHeaderLength = 25
    static let rowsPerChunk = 2
    static let chunkCount = height / rowsPerChunk
    /// Reply byte holding the finger level of a finger check.
    static let fingerLevelByte = 12
    /// A finger level above this means a finger is on the sensor.
    static let fingerPresentThreshold: UInt8 = 0x30
    /// Opcode of an image chunk header.
    static let chunkOpcode: UInt8 = 0x21

    /// "Is a finger on the sensor?"
    static let checkFinger: [UInt8] = [0x80, 0x38, 0x01, 0x00, 0x08, 0x00, 0x00, 0x00]
    /// Prepares the sensor for a capture.
    static let preCapture: [UInt8] = [0x80, 0x0d, 0x03, 0x00, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00]
    /// Starts a capture; the image chunks follow the reply.
    static let capture: [UInt8] = [
        0x80, 0x12, 0x04, 0x00, 0x20, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00,
    ]

    static func littleEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    /// Checks a 16-byte command reply's framing.
    /// - Throws: `NB1010Error.shortReply` or `.garbageReply`.
    static func validateReply(_ reply: [UInt8], received: Int, step: String) throws {
        guard received == replyLength else { throw NB1010Error.shortReply(step: step, expected: replyLength, received: received) }
        guard reply[0] == 0x80 else {
            throw NB1010Error.garbageReply(step: step, reason: "reply starts 0x\(hex(reply[0])), expected 0x80")
        }
        let length = littleEndian32(reply, at: 4)
        guard length == UInt32(replyLength) else {
            throw NB1010Error.garbageReply(step: step, reason: "reply declares \(length) bytes, expected \(replyLength)")
        }
    }

    /// Checks the header of image chunk `index` (0-based): framing, opcode, length and row number.
    /// - Throws: `NB1010Error.shortReply` or `.garbageReply`.
    static func validateChunkHeader(_ header: [UInt8], received: Int, index: Int) throws {
        let step = "image chunk \(index + 1) of \(chunkCount)"
        guard received == chunkLength else { throw NB1010Error.shortReply(step: step, expected: chunkLength, received: received) }
        guard header[0] == 0x80, header[1] == chunkOpcode else {
            throw NB1010Error.garbageReply(step: step, reason: "header starts 0x\(hex(header[0])) 0x\(hex(header[1])), expected 0x80 0x21")
        }
        let length = littleEndian32(header, at: 4)
        guard length == UInt32(chunkLength) else {
            throw NB1010Error.garbageReply(step: step, reason: "header declares \(length) bytes, expected \(chunkLength)")
        }
        let row = littleEndian32(header, at: 16)
        let expectedRow = UInt32(index * rowsPerChunk + 1)
        guard row == expectedRow else {
            throw NB1010Error.garbageReply(step: step, reason: "chunk carries row \(row), expected \(expectedRow) (out of order)")
        }
    }

    static func hex(_ byte: UInt8) -> String { byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }
}
