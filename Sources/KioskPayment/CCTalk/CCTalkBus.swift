import Dispatch

/// The host side of one ccTalk bus (one serial port; any number of devices, each at its own address).
///
/// Requests are serialised on a dedicated dispatch queue that owns the port: the blocking writes and
/// `poll`-bounded reads happen there, and callers await the result through a continuation, so the
/// cooperative pool is never blocked. Each request flushes stale input, writes the packet, reads back
/// its own echo (when `localEcho`), then reads the reply and checks its checksum, destination and source.
/// Idempotent requests are retried after a missing or corrupted reply; NAK is final; BUSY is retried.
// @unchecked Sendable: `port` is only touched on `queue` (a serial queue); everything else is immutable.
public final class CCTalkBus: @unchecked Sendable {
    /// The options it was opened with.
    public let options: CCTalkBusOptions
    /// The serial device path.
    public let path: String
    private let port: SerialPort
    private let queue: DispatchQueue

    /// Opens the bus on the serial port at `path`.
    /// - Throws: `CCTalkError.port` naming the path when the port cannot be opened or configured.
    public init(path: String, options: CCTalkBusOptions = CCTalkBusOptions()) throws(CCTalkError) {
        do {
            port = try SerialPort(path: path, baudRate: options.baudRate)
        } catch {
            throw .port(error.description)
        }
        self.path = path
        self.options = options
        self.queue = DispatchQueue(label: "kiosk.cctalk.\(path)")
    }

    /// Sends `header` with `data` to the device at `address` and returns the reply's data, after
    /// `decode` has checked it on the bus queue (so event counters are read in bus order).
    /// - Parameter idempotent: false for commands that must never be sent twice (a hopper payout):
    ///   they are sent once and a lost reply surfaces as `.noReply`.
    /// - Throws: `CCTalkError` after the retries are spent, or whatever `decode` throws.
    public func request<Result: Sendable>(
        _ header: CCTalkHeader, to address: UInt8, data: [UInt8] = [], idempotent: Bool = true,
        decode: @escaping @Sendable (_ reply: [UInt8]) throws(CCTalkError) -> Result
    ) async throws(CCTalkError) -> Result {
        let outcome: Swift.Result<Result, CCTalkError> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Swift.Result { () throws(CCTalkError) -> Result in
                    try decode(self.exchange(header, address: address, data: data, idempotent: idempotent))
                })
            }
        }
        return try outcome.get()
    }

    /// Sends a request whose reply is a plain ACK (no data required).
    public func command(_ header: CCTalkHeader, to address: UInt8, data: [UInt8] = [], idempotent: Bool = true) async throws(CCTalkError) {
        _ = try await request(header, to: address, data: data, idempotent: idempotent) { _ throws(CCTalkError) in () }
    }

    /// One exchange with retries; runs on `queue` only.
    private func exchange(_ header: CCTalkHeader, address: UInt8, data: [UInt8], idempotent: Bool) throws(CCTalkError) -> [UInt8] {
        let packet = CCTalkPacket(destination: address, source: options.hostAddress, header: header.rawValue, data: data)
        let bytes = packet.encoded(options.checksum)
        var lastError = CCTalkError.noReply(address: address, header: header.rawValue)
        let attempts = idempotent ? max(0, options.retries) + 1 : 1
        for _ in 0..<attempts {
            do {
                let reply = try once(bytes, address: address, header: header.rawValue)
                switch reply.header {
                case CCTalkHeader.reply.rawValue: return reply.data
                case CCTalkHeader.nak.rawValue: throw CCTalkError.nak(address: address, header: header.rawValue)
                case CCTalkHeader.busy.rawValue: lastError = .busy(address: address, header: header.rawValue)
                default:
                    throw CCTalkError.unexpectedReply(address: address, header: header.rawValue, detail: "reply carries header \(reply.header), not 0 (ACK)")
                }
            } catch let error as CCTalkError {
                switch error {
                case .noReply, .badChecksum, .echoMismatch, .malformed: lastError = error
                default: throw error
                }
            } catch {
                throw .port("\(error)")
            }
        }
        throw lastError
    }

    private func once(_ bytes: [UInt8], address: UInt8, header: UInt8) throws(CCTalkError) -> CCTalkPacket {
        port.discardInput()
        do {
            try port.write(bytes)
            if options.localEcho {
                let echo = try port.read(count: bytes.count, timeout: options.replyTimeout)
                guard echo == bytes else { throw CCTalkError.echoMismatch(address: address, header: header) }
            }
            let start = try port.read(count: 2, timeout: options.replyTimeout)
            // 1,042 µs a byte at 9600 baud; allow the generic specification's 50 ms inter-byte gap.
            let rest = try port.read(count: Int(start[1]) + 3, timeout: options.replyTimeout + .milliseconds(50))
            let reply = try CCTalkPacket.decode(start + rest, checksum: options.checksum, impliedSource: address)
            guard reply.destination == options.hostAddress else {
                throw CCTalkError.malformed("reply addressed to \(reply.destination), not the host \(options.hostAddress)")
            }
            guard reply.source == address else {
                throw CCTalkError.malformed("reply from address \(reply.source), expected \(address)")
            }
            return reply
        } catch let error as SerialPortError {
            if case .timeout = error { throw .noReply(address: address, header: header) }
            throw .port(error.description)
        } catch let error as CCTalkError {
            if case .badChecksum = error { throw .badChecksum(address: address, header: header) }
            throw error
        } catch {
            throw .port("\(error)")
        }
    }
}
