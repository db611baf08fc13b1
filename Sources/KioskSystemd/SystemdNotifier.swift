import Foundation

/// Speaks systemd's notify protocol without libsystemd: datagrams to `$NOTIFY_SOCKET` (a path, or an
/// abstract socket when it starts with `@`). Sending never blocks and never fails the daemon.
public struct SystemdNotifier: Sendable {
    private let socketPath: String

    /// A notifier for the socket in `environment["NOTIFY_SOCKET"]`; nil when not run by systemd.
    public init?(environment: [String: String]) {
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty else { return nil }
        socketPath = path
    }

    /// Sends one notification (e.g. `READY=1`, `STATUS=…`); returns whether the datagram went out.
    @discardableResult
    public func send(_ message: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        let abstract = pathBytes.first == UInt8(ascii: "@")
        if abstract { pathBytes[0] = 0 }
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: pathBytes) }
        let length = MemoryLayout<sa_family_t>.size + pathBytes.count + (abstract ? 0 : 1)
        let payload = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                payload.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT), socketAddress, socklen_t(length)) }
            }
        }
        return sent == payload.count
    }

    /// Half the watchdog interval systemd asked for (`WATCHDOG_USEC`, honouring `WATCHDOG_PID`), or nil.
    public static func watchdogPingInterval(environment: [String: String], pid: Int32) -> Duration? {
        guard let usecText = environment["WATCHDOG_USEC"], let usec = UInt64(usecText), usec > 0 else { return nil }
        if let watchdogPID = environment["WATCHDOG_PID"], Int32(watchdogPID) != pid { return nil }
        return .microseconds(Int64(usec / 2))
    }
}
