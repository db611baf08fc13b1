import Foundation

/// Why a control request did not get an answer.
public enum ControlClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing listens on the socket (kioskd not running, wrong path).
    case unreachable(path: String, reason: String)
    /// The socket file refused the connection: the caller is not in the socket's group.
    case permissionDenied(path: String)
    /// The connection broke or the answer was not a control response.
    case protocolError(String)

    public var description: String {
        switch self {
        case .unreachable(let path, let reason): "kioskd is not reachable on \(path): \(reason)"
        case .permissionDenied(let path): "permission denied on \(path): run as root or as a member of the technicians' group"
        case .protocolError(let reason): "bad answer from kioskd: \(reason)"
        }
    }
}

/// The kioskctl side of the control socket: one blocking request/answer per call (a CLI has nothing
/// else to do meanwhile). Not for use on the cooperative pool of a server.
public struct ControlClient: Sendable {
    /// The socket path.
    public let path: String
    /// How long to wait for kioskd's answer.
    public let timeoutSeconds: Int

    /// A client for the socket at `path`.
    public init(path: String, timeoutSeconds: Int = 30) {
        self.path = path
        self.timeoutSeconds = timeoutSeconds
    }

    /// Sends `request` and decodes the answer's result as `Result`; throws `ControlError` when kioskd
    /// refused or failed it, `ControlClientError` when there was no proper answer.
    public func send<Result: Codable & Sendable>(_ request: ControlRequest, expecting: Result.Type = Result.self) throws -> Result {
        let answer = try exchange(Array(JSONEncoder().encode(request)))
        let response: ControlResponse<Result>
        do {
            response = try JSONDecoder().decode(ControlResponse<Result>.self, from: Data(answer))
        } catch {
            if let failure = try? JSONDecoder().decode(ControlResponse<ControlAcknowledgement>.self, from: Data(answer)),
               let error = failure.error {
                throw error
            }
            throw ControlClientError.protocolError("cannot decode the answer: \(error)")
        }
        if let error = response.error { throw error }
        guard response.ok, let result = response.result else { throw ControlClientError.protocolError("answer has no result") }
        return result
    }

    /// Sends raw JSON bytes and returns the raw JSON answer.
    public func exchange(_ payload: [UInt8]) throws -> [UInt8] {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ControlClientError.unreachable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw ControlClientError.unreachable(path: path, reason: "socket path too long")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if connected != 0 {
            let code = errno
            if code == EACCES || code == EPERM { throw ControlClientError.permissionDenied(path: path) }
            throw ControlClientError.unreachable(path: path, reason: String(cString: strerror(code)))
        }
        try writeAll(fd, ControlFrame.encode(payload))
        let header = try readExactly(fd, 4)
        let length = ControlFrame.length(ofHeader: header)
        guard length <= ControlFrame.maximumLength else { throw ControlClientError.protocolError("answer too large") }
        return try readExactly(fd, length)
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw ControlClientError.protocolError("write failed: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    private func readExactly(_ fd: Int32, _ count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = buffer[offset...].withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                throw ControlClientError.protocolError("no answer within \(timeoutSeconds) s")
            }
            if got <= 0 { throw ControlClientError.protocolError("connection closed by kioskd") }
            offset += got
        }
        return buffer
    }
}
