public import Foundation

/// How kiosk-central serves.
public struct CentralConfiguration: Sendable {
    /// Address to listen on.
    public var host: String
    /// Port (0 picks a free one; the chosen port is logged and sent to systemd).
    public var port: Int
    /// The largest request body accepted, bytes.
    public var bodyLimit: Int
    /// The time zone reports take days in.
    public var timeZone: TimeZone
    /// A kiosk counts as online if its last heartbeat arrived within this many seconds.
    public var onlineWindowSeconds: Int
    /// Identity, documents and mobile ID (issue 8).
    public var identity = CentralIdentityConfiguration()

    /// A configuration; defaults: 16 MiB bodies, Asia/Seoul, 180 s online window.
    public init(
        host: String, port: Int, bodyLimit: Int = 16 << 20,
        timeZone: TimeZone = TimeZone(identifier: "Asia/Seoul") ?? .gmt, onlineWindowSeconds: Int = 180
    ) {
        self.host = host
        self.port = port
        self.bodyLimit = bodyLimit
        self.timeZone = timeZone
        self.onlineWindowSeconds = onlineWindowSeconds
    }
}
