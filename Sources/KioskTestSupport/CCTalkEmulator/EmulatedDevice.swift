/// What an emulated device answers to one request.
public enum EmulatorReply: Equatable, Sendable {
    /// ACK (header 0) with data.
    case ack([UInt8])
    /// NAK (header 5).
    case nak
    /// No answer (the specification: ignore unknown or malformed commands).
    case silent
}

/// A ccTalk device in the emulator. Used only under the emulator's lock.
public class EmulatedDevice {
    /// Its ccTalk address.
    public let address: UInt8
    /// Equipment category (header 245).
    public let category: String
    /// Manufacturer id (header 246).
    public let manufacturer: String
    /// Product code (header 244).
    public let productCode: String
    /// Serial number (header 242, three bytes LSB first).
    public let serialNumber: UInt32
    /// Faults switched on.
    public var faults: Set<EmulatorFault> = []
    /// Individual inhibits: bit n-1 set means channel n is enabled (header 231).
    public var inhibitMask: UInt16 = 0
    /// The master inhibit is off (header 228).
    public var masterEnabled = false

    /// A device at `address` identifying itself with `category`, `productCode` and `serialNumber`.
    public init(address: UInt8, category: String, productCode: String, serialNumber: UInt32) {
        self.address = address
        self.category = category
        self.manufacturer = "KTE"
        self.productCode = productCode
        self.serialNumber = serialNumber
    }

    /// The core commands every device answers; subclasses add their own and call this last.
    public func handle(header: UInt8, data: [UInt8]) -> EmulatorReply {
        switch header {
        case 254: return .ack([])
        case 245: return .ack(Array(category.utf8))
        case 246: return .ack(Array(manufacturer.utf8))
        case 244: return .ack(Array(productCode.utf8))
        case 242: return .ack([UInt8(serialNumber & 0xFF), UInt8(serialNumber >> 8 & 0xFF), UInt8(serialNumber >> 16 & 0xFF)])
        case 241: return .ack(Array("1.0-emu".utf8))
        case 231:
            guard data.count == 2 else { return .nak }
            inhibitMask = UInt16(data[0]) | UInt16(data[1]) << 8
            return .ack([])
        case 230: return .ack([UInt8(inhibitMask & 0xFF), UInt8(inhibitMask >> 8)])
        case 228:
            guard data.count == 1 else { return .nak }
            masterEnabled = data[0] & 1 == 1
            return .ack([])
        case 227: return .ack([masterEnabled ? 1 : 0])
        case 1: return .ack([])
        default: return .nak
        }
    }

    /// Whether channel `channel` (1…16) takes money now: master enabled and its inhibit bit set.
    public func channelEnabled(_ channel: Int) -> Bool {
        masterEnabled && (1...16).contains(channel) && inhibitMask & (1 << (channel - 1)) != 0
    }
}
