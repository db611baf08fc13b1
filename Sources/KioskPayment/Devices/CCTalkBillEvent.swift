/// A bill validator event from header 159, as the generic specification's tables define it.
public enum CCTalkBillEvent: Sendable, Hashable {
    /// A bill of `billType` (1…16) was validated and stacked: credit it.
    case stacked(billType: Int)
    /// A bill of `billType` is held in escrow: route it (stack or return).
    case escrow(billType: Int)
    /// A status or error (result A = 0, result B = the code).
    case status(code: UInt8)

    /// From one buffer result.
    public init(_ result: CCTalkEventBuffer.Result) {
        if result.a == 0 {
            self = .status(code: result.b)
        } else if result.b == 1 {
            self = .escrow(billType: Int(result.a))
        } else {
            self = .stacked(billType: Int(result.a))
        }
    }

    /// Code 1: the bill in escrow was given back.
    public static let returnedFromEscrow: UInt8 = 1
    /// Codes the specification lists as rejections (the bill came back out of the slot).
    public static let rejectCodes: Set<UInt8> = [2, 3, 4, 5]
    /// Codes that are fraud attempts (pulled backwards, tamper, opto fraud, string fraud).
    public static let fraudCodes: Set<UInt8> = [8, 9, 17, 18]
    /// Codes that mean a jam or a stacker fault.
    public static let faultCodes: Set<UInt8> = [6, 7, 11, 13, 14, 15, 16, 19]

    /// The specification's name for a status code.
    public static func describe(code: UInt8) -> String {
        switch code {
        case 0: "master inhibit active"
        case 1: "bill returned from escrow"
        case 2: "invalid bill (due to validation fail)"
        case 3: "invalid bill (due to transport problem)"
        case 4: "inhibited bill (on serial)"
        case 5: "inhibited bill (on DIP switches)"
        case 6: "bill jammed in transport (unsafe mode)"
        case 7: "bill jammed in stacker"
        case 8: "bill pulled backwards"
        case 9: "bill tamper"
        case 10: "stacker OK"
        case 11: "stacker removed"
        case 12: "stacker inserted"
        case 13: "stacker faulty"
        case 14: "stacker full"
        case 15: "stacker jammed"
        case 16: "bill jammed in transport (safe mode)"
        case 17: "opto fraud detected"
        case 18: "string fraud detected"
        case 19: "anti-string mechanism faulty"
        case 20: "barcode detected"
        case 21: "unknown bill type stacked"
        default: "status code \(code)"
        }
    }
}
