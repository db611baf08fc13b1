import Foundation

/// A TCP proxy on 127.0.0.1 that forwards to `upstreamPort` and cuts connections mid-stream: on each of
/// the first `cuts` connections that carry more than `cutAfter` bytes in `direction`, it forwards
/// exactly `cutAfter` bytes and then closes both sides — a request body broken off mid-batch, or an
/// answer lost after central stored the batch. Later connections pass through untouched.
///
/// Test support: plain POSIX sockets on dedicated threads (never the cooperative pool).
final class DroppingProxy: @unchecked Sendable {
    // @unchecked: `cutsLeft`, `cutsMade`, `connections` and `stopped` are guarded by `lock`; the rest is
    // immutable after init.
    enum Direction: Sendable { case request, response }

    let port: Int
    let upstreamPort: Int
    let cutAfter: Int
    let direction: Direction
    private let listener: Int32
    private let lock = NSLock()
    private var cutsLeft: Int
    private var made = 0
    private var accepted = 0
    private var stopped = false

    /// Connections cut so far.
    var cutsMade: Int { lock.withLock { made } }
    /// Connections accepted so far.
    var connections: Int { lock.withLock { accepted } }

    init(upstreamPort: Int, cutAfter: Int, direction: Direction, cuts: Int) throws {
        self.upstreamPort = upstreamPort
        self.cutAfter = cutAfter
        self.direction = direction
        self.cutsLeft = cuts
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && listen(fd, 64) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ProxyError(description: "cannot listen on 127.0.0.1: \(reason)")
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    struct ProxyError: Error, CustomStringConvertible { var description: String }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }

    /// Stops accepting (open connections end when either side closes).
    func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    deinit { stop() }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if lock.withLock({ stopped }) { return }
                if errno == EINTR { continue }
                return
            }
            let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: upstreamPort)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            guard connected else {
                close(client)
                close(upstream)
                continue
            }
            lock.withLock { accepted += 1 }
            let connection = Connection(client: client, upstream: upstream)
            Thread { [self] in pump(from: client, to: upstream, cutting: direction == .request, connection) }.start()
            Thread { [self] in pump(from: upstream, to: client, cutting: direction == .response, connection) }.start()
        }
    }

    /// Both sockets of one proxied connection; closed once, when both pumps ended.
    final class Connection: @unchecked Sendable {
        // @unchecked: `ended` is guarded by `lock`.
        let client: Int32
        let upstream: Int32
        private let lock = NSLock()
        private var ended = 0
        init(client: Int32, upstream: Int32) {
            self.client = client
            self.upstream = upstream
        }
        /// Shuts both directions down (wakes the other pump).
        func cut() {
            shutdown(client, Int32(SHUT_RDWR))
            shutdown(upstream, Int32(SHUT_RDWR))
        }
        func pumpEnded() {
            let both = lock.withLock {
                ended += 1
                return ended == 2
            }
            if both {
                close(client)
                close(upstream)
            }
        }
    }

    private func pump(from source: Int32, to destination: Int32, cutting: Bool, _ connection: Connection) {
        defer { connection.pumpEnded() }
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var forwarded = 0
        var willCut = false
        if cutting { willCut = lock.withLock { cutsLeft > 0 } }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count <= 0 {
                shutdown(destination, Int32(SHUT_WR))
                return
            }
            var toSend = count
            var cutNow = false
            if willCut, forwarded + count >= cutAfter {
                // Claim a cut (another connection may have used the last one meanwhile).
                cutNow = lock.withLock {
                    guard cutsLeft > 0 else { return false }
                    cutsLeft -= 1
                    made += 1
                    return true
                }
                if cutNow { toSend = cutAfter - forwarded } else { willCut = false }
            }
            var offset = 0
            while offset < toSend {
                let sent = buffer.withUnsafeBytes { send(destination, $0.baseAddress! + offset, toSend - offset, Int32(MSG_NOSIGNAL)) }
                if sent <= 0 {
                    connection.cut()
                    return
                }
                offset += sent
            }
            forwarded += toSend
            if cutNow {
                connection.cut()
                return
            }
        }
    }
}
