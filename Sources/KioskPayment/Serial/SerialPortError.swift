/// A serial-port failure, naming the port and the system call's error.
public enum SerialPortError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The port could not be opened (missing device, permission denied…).
    case open(path: String, errno: Int32)
    /// Applying the line settings (termios) failed; `path` is probably not a serial device.
    case configure(path: String, errno: Int32)
    /// Reading or writing failed (device unplugged…).
    case io(path: String, errno: Int32)
    /// Fewer bytes than expected arrived before the timeout.
    case timeout(path: String, received: Int, expected: Int)
    /// The baud rate is not one termios knows.
    case unsupportedBaudRate(Int)

    /// The failure in words, with the port path and the system's error text.
    public var description: String {
        switch self {
        case .open(let path, let code): "cannot open serial port \(path): \(SerialPort.errorText(code))"
        case .configure(let path, let code): "cannot configure serial port \(path) (raw, 8N1): \(SerialPort.errorText(code))"
        case .io(let path, let code): "serial port \(path) I/O error: \(SerialPort.errorText(code))"
        case .timeout(let path, let received, let expected): "serial port \(path): \(received) of \(expected) bytes before the timeout"
        case .unsupportedBaudRate(let rate): "unsupported baud rate \(rate) (use 9600, 19200, 38400, 57600 or 115200)"
        }
    }
}
