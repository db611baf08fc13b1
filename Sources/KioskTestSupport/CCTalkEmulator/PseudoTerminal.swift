import Glibc

/// A pseudo-terminal pair from `openpty`: the emulator holds the master side, the code under test
/// opens `slavePath` as if it were `/dev/ttyUSB0`.
public final class PseudoTerminal: Sendable {
    /// The master side (the emulator's).
    public let master: Int32
    /// The slave side, kept open so the line stays up while hosts open and close it.
    public let slave: Int32
    /// The slave's path, e.g. `/dev/pts/3`.
    public let slavePath: String

    /// Opens a raw pseudo-terminal pair.
    /// - Throws: `EmulatorError` when `openpty` fails.
    public init() throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var name = [CChar](repeating: 0, count: 128)
        guard openpty(&master, &slave, &name, nil, nil) == 0 else {
            throw EmulatorError("openpty failed: errno \(errno)")
        }
        var settings = termios()
        tcgetattr(slave, &settings)
        cfmakeraw(&settings)
        tcsetattr(slave, TCSANOW, &settings)
        self.master = master
        self.slave = slave
        self.slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        close(master)
        close(slave)
    }
}
