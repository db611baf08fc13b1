/// The NB-1010-U answered something the protocol does not allow.
enum NB1010Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer bytes arrived than the step needs.
    case shortReply(step: String, expected: Int, received: Int)
    /// Fewer bytes were sent than the command holds.
    case shortWrite(step: String, expected: Int, sent: Int)
    /// The reply's framing, opcode, length or row number is wrong.
    case garbageReply(step: String, reason: String)

    var description: String {
        switch self {
        case .shortReply(let step, let expected, let received):
            "short read during \(step): \(received) of \(expected) bytes arrived"
        case .shortWrite(let step, let expected, let sent):
            "short write during \(step): \(sent) of \(expected) bytes sent"
        case .garbageReply(let step, let reason):
            "unexpected reply during \(step): \(reason)"
        }
    }
}
