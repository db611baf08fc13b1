/// The last heartbeat central received from a kiosk.
public struct CentralHeartbeatRecord: Sendable, Hashable {
    /// When the kiosk sent it, UTC milliseconds.
    public var sentAtUTCMilliseconds: Int64
    /// When central received it, UTC milliseconds.
    public var receivedAtUTCMilliseconds: Int64
    /// The heartbeat's JSON text.
    public var json: String

    /// A record.
    public init(sentAtUTCMilliseconds: Int64, receivedAtUTCMilliseconds: Int64, json: String) {
        self.sentAtUTCMilliseconds = sentAtUTCMilliseconds
        self.receivedAtUTCMilliseconds = receivedAtUTCMilliseconds
        self.json = json
    }
}
