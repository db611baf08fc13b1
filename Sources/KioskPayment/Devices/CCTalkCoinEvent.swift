/// A coin acceptor event from header 229, as the generic specification's tables define it.
public enum CCTalkCoinEvent: Sendable, Hashable {
    /// A coin of `channel` (1…16) was accepted and went down sorter `path`.
    case credit(channel: Int, path: Int)
    /// An error or status code (result A = 0, result B = the code).
    case error(code: UInt8)

    /// From one buffer result.
    public init(_ result: CCTalkEventBuffer.Result) {
        self = result.a == 0 ? .error(code: result.b) : .credit(channel: Int(result.a), path: Int(result.b))
    }

    /// Codes the specification lists as fraud attempts (coin on a string, going backwards, light attack…).
    public static let fraudCodes: Set<UInt8> = [17, 18, 20, 37, 40, 254]
    /// Codes that mean the coin path is blocked or jammed: acceptance stops until a technician clears it.
    public static let jamCodes: Set<UInt8> = [12, 14, 15, 26, 32]

    /// Whether this is a fraud attempt.
    public var isFraud: Bool { if case .error(let code) = self { Self.fraudCodes.contains(code) } else { false } }
    /// Whether the coin path is jammed.
    public var isJam: Bool { if case .error(let code) = self { Self.jamCodes.contains(code) } else { false } }

    /// The specification's name for an error code.
    public static func describe(code: UInt8) -> String {
        switch code {
        case 0: "null event"
        case 1: "reject coin"
        case 2: "inhibited coin"
        case 3: "multiple window"
        case 4: "wake-up timeout"
        case 5: "validation timeout"
        case 6: "credit sensor timeout"
        case 7: "sorter opto timeout"
        case 8: "2nd close coin error"
        case 9: "accept gate not ready"
        case 10: "credit sensor not ready"
        case 11: "sorter not ready"
        case 12: "reject coin not cleared"
        case 13: "validation sensor not ready"
        case 14: "credit sensor blocked"
        case 15: "sorter opto blocked"
        case 16: "credit sequence error"
        case 17: "coin going backwards"
        case 18: "coin too fast (over credit sensor)"
        case 19: "coin too slow (over credit sensor)"
        case 20: "C.O.S. mechanism activated (coin-on-string)"
        case 21: "DCE opto timeout"
        case 22: "DCE opto not seen"
        case 23: "credit sensor reached too early"
        case 24: "reject coin (repeated sequential trip)"
        case 25: "reject slug"
        case 26: "reject sensor blocked"
        case 27: "games overload"
        case 28: "max. coin meter pulses exceeded"
        case 29: "accept gate open not closed"
        case 30: "accept gate closed not open"
        case 31: "manifold opto timeout"
        case 32: "manifold opto blocked"
        case 33: "manifold not ready"
        case 34: "security status changed"
        case 35: "motor exception"
        case 36: "swallowed coin"
        case 37: "coin too fast (over validation sensor)"
        case 38: "coin too slow (over validation sensor)"
        case 39: "coin incorrectly sorted"
        case 40: "external light attack"
        case 128...159: "inhibited coin (type \(code - 127))"
        case 253: "data block request"
        case 254: "coin return mechanism activated (flight deck open)"
        case 255: "unspecified alarm code"
        default: "error code \(code)"
        }
    }
}
