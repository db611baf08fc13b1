import Foundation
import Synchronization

/// A real datagram socket that plays systemd's side of sd_notify: binds a path (or an abstract name)
/// and collects every message sent to it.
public final class NotifyListener: Sendable {
    /// The value to put in `NOTIFY_SOCKET`.
    public let address: String
    private let fd: Int32

    /// Binds a new socket; `abstract` uses the Linux abstract namespace (`@name`).
    public init(directory: String, abstract: Bool) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let name = abstract ? "@kiosk-notify-\(UInt32.random(in: 0...UInt32.max))" : directory + "/notify.sock"
        var bytes = Array(name.utf8)
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else {
            close(fd)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "bind \(name): \(String(cString: strerror(errno)))"])
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        self.address = name
        self.fd = fd
    }

    /// Reads datagrams until one contains `line` (a whole line such as `READY=1`) or `timeout` passes;
    /// returns every message read meanwhile, and whether the line was seen.
    public func waitFor(_ line: String, timeout: Duration) async -> (seen: Bool, messages: [String]) {
        var messages: [String] = []
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                let message = String(decoding: buffer[0..<count], as: UTF8.self)
                messages.append(message)
                if message.split(separator: "\n").contains(where: { $0 == line }) { return (true, messages) }
            } else {
                await Task.yield()
            }
        }
        return (false, messages)
    }

    deinit {
        close(fd)
        if !address.hasPrefix("@") { unlink(address) }
    }
}
