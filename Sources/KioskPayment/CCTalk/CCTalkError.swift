/// A ccTalk exchange that failed, naming the device address and the header.
public enum CCTalkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The serial port failed (not a timeout).
    case port(String)
    /// No (complete) reply within the timeout, after every retry.
    case noReply(address: UInt8, header: UInt8)
    /// The reply's checksum was wrong on every try.
    case badChecksum(address: UInt8, header: UInt8)
    /// The bytes read back from the shared wire were not the ones sent (collision or no echo on this line).
    case echoMismatch(address: UInt8, header: UInt8)
    /// The reply was not a well-formed ccTalk packet or came from the wrong address.
    case malformed(String)
    /// The device answered NAK (header 5): it refused the command.
    case nak(address: UInt8, header: UInt8)
    /// The device stayed BUSY (header 6) on every try.
    case busy(address: UInt8, header: UInt8)
    /// A non-repeatable command (a payout) was sent, its reply was lost, and the device could not be
    /// asked afterwards whether it took it: what happened is unknown until a technician checks.
    case outcomeUnknown(address: UInt8, header: UInt8)
    /// The reply's data did not have the form the header's definition requires.
    case unexpectedReply(address: UInt8, header: UInt8, detail: String)

    /// The failure in words, with the device address and header.
    public var description: String {
        switch self {
        case .port(let detail): "ccTalk port error: \(detail)"
        case .noReply(let address, let header): "ccTalk device \(address) did not answer header \(header)"
        case .badChecksum(let address, let header): "ccTalk device \(address): corrupted reply (bad checksum) to header \(header)"
        case .echoMismatch(let address, let header): "ccTalk bus: the echo of header \(header) to device \(address) differs from what was sent"
        case .malformed(let detail): "ccTalk: malformed packet: \(detail)"
        case .nak(let address, let header): "ccTalk device \(address) refused header \(header) (NAK)"
        case .busy(let address, let header): "ccTalk device \(address) stayed busy on header \(header)"
        case .outcomeUnknown(let address, let header): "ccTalk device \(address): header \(header) was sent but its outcome is unknown (no reply, no status)"
        case .unexpectedReply(let address, let header, let detail): "ccTalk device \(address), header \(header): \(detail)"
        }
    }
}
