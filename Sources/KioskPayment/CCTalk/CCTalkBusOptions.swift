/// How a ccTalk bus talks: line speed, checksum, echo, timeouts and retries.
public struct CCTalkBusOptions: Sendable, Hashable {
    /// Baud rate (ccTalk: 9600).
    public var baudRate: Int
    /// Simple 8-bit checksum (default) or CRC-16.
    public var checksum: CCTalkChecksum
    /// True on a real shared ccTalk wire (the host reads its own bytes back before the reply);
    /// false on interfaces with separate transmit and receive lines.
    public var localEcho: Bool
    /// The host's own address (1).
    public var hostAddress: UInt8
    /// How long to wait for the echo and the start of a reply.
    public var replyTimeout: Duration
    /// How many times an idempotent request is sent again after a missing or corrupted reply.
    public var retries: Int

    /// Options; the defaults follow the generic specification (9600 baud, simple checksum, echo, host 1).
    public init(
        baudRate: Int = 9600, checksum: CCTalkChecksum = .simple, localEcho: Bool = true,
        hostAddress: UInt8 = 1, replyTimeout: Duration = .milliseconds(250), retries: Int = 2
    ) {
        self.baudRate = baudRate
        self.checksum = checksum
        self.localEcho = localEcho
        self.hostAddress = hostAddress
        self.replyTimeout = replyTimeout
        self.retries = retries
    }
}
