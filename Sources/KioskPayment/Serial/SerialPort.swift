#if canImport(Glibc)
import Glibc

private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin

private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif

/// A serial port in raw mode (8 data bits, no parity, 1 stop bit, no flow control, no echo), opened
/// from a device path (`/dev/ttyUSB0`, or a pseudo-terminal in tests).
///
/// Every method blocks the calling thread (reads wait with `poll` up to their timeout), so a port is
/// used only from the dedicated queue of its `CCTalkBus`, never from the cooperative pool. It is not
/// Sendable: the bus that owns it confines it to that queue. The descriptor closes when the port is
/// released.
public final class SerialPort {
    /// The device path it was opened from.
    public let path: String
    private let descriptor: Int32

    /// Opens `path` at `baudRate` in raw 8N1 mode.
    /// - Throws: `SerialPortError.open` / `.configure` naming the path, `.unsupportedBaudRate`.
    public init(path: String, baudRate: Int = 9600) throws(SerialPortError) {
        let speed = try Self.speed(for: baudRate)
        let fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .open(path: path, errno: errno) }
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0 else {
            let code = errno
            close(fd)
            throw .configure(path: path, errno: code)
        }
        cfmakeraw(&settings)
        settings.c_cflag |= tcflag_t(CLOCAL) | tcflag_t(CREAD)
        settings.c_cflag &= ~(tcflag_t(CSTOPB) | tcflag_t(PARENB) | tcflag_t(CRTSCTS))
        settings.c_iflag &= ~(tcflag_t(IXON) | tcflag_t(IXOFF) | tcflag_t(IXANY))
        Self.setControlCharacter(&settings, index: Int(VMIN), value: 0)
        Self.setControlCharacter(&settings, index: Int(VTIME), value: 0)
        cfsetispeed(&settings, speed)
        cfsetospeed(&settings, speed)
        guard tcsetattr(fd, TCSANOW, &settings) == 0 else {
            let code = errno
            close(fd)
            throw .configure(path: path, errno: code)
        }
        self.path = path
        self.descriptor = fd
    }

    deinit { close(descriptor) }

    /// Writes all of `bytes` and waits until they have left the port.
    /// - Throws: `SerialPortError.io` when the device fails or is gone.
    public func write(_ bytes: [UInt8]) throws(SerialPortError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&entry, 1, 100)
                    continue
                }
                throw .io(path: path, errno: errno)
            }
            offset += written
        }
        _ = tcdrain(descriptor)
    }

    /// Reads exactly `count` bytes, waiting at most `timeout` in all.
    /// - Throws: `SerialPortError.timeout` with how many bytes came, `.io` on a device error.
    public func read(count: Int, timeout: Duration) throws(SerialPortError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while bytes.count < count {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { throw .timeout(path: path, received: bytes.count, expected: count) }
            let milliseconds = Int32(clamping: max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, errno: errno)
            }
            if ready == 0 { continue }
            if entry.revents & Int16(POLLIN) == 0 && entry.revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 {
                throw .io(path: path, errno: EIO)
            }
            var chunk = [UInt8](repeating: 0, count: count - bytes.count)
            let got = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .io(path: path, errno: errno)
            }
            if got == 0 { continue }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return bytes
    }

    /// Throws away whatever has arrived and not been read (stale bytes from an earlier exchange).
    public func discardInput() {
        _ = tcflush(descriptor, TCIFLUSH)
        var scratch = [UInt8](repeating: 0, count: 256)
        while scratch.withUnsafeMutableBytes({ systemRead(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code)) + " (errno \(code))"
    }

    private static func setControlCharacter(_ settings: inout termios, index: Int, value: cc_t) {
        withUnsafeMutableBytes(of: &settings.c_cc) { $0[index] = value }
    }

    private static func speed(for baudRate: Int) throws(SerialPortError) -> speed_t {
        switch baudRate {
        case 9600: speed_t(B9600)
        case 19200: speed_t(B19200)
        case 38400: speed_t(B38400)
        case 57600: speed_t(B57600)
        case 115_200: speed_t(B115200)
        default: throw .unsupportedBaudRate(baudRate)
        }
    }
}
