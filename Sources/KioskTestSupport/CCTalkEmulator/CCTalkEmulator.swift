import Foundation
import Glibc
public import KioskPayment
import Synchronization

/// A ccTalk bus with emulated devices on the master side of a pseudo-terminal, written from the
/// generic specification. It behaves like the shared wire: every byte the host sends comes back to it
/// (the echo) before the addressed device's reply. Packets with a bad checksum, or for an address
/// nobody has, get no reply. Runs its own thread; `stop()` ends it.
// @unchecked Sendable: `stateValue` (devices are non-Sendable classes) is only touched under `lock`.
public final class CCTalkEmulator: @unchecked Sendable {
    private struct State {
        var devices: [UInt8: EmulatedDevice] = [:]
        var requests: [CCTalkPacket] = []
    }

    /// The pseudo-terminal pair the bus runs on.
    public let terminal: PseudoTerminal
    /// The checksum every packet carries (simple or CRC-16).
    public let checksum: CCTalkChecksum
    /// Whether the host's own bytes come back before each reply (the shared wire).
    public let echo: Bool
    private let lock = NSLock()
    private var stateValue = State()
    private let running = Atomic<Bool>(true)
    private let finished = DispatchSemaphore(value: 0)

    /// The path the host opens.
    public var path: String { terminal.slavePath }

    /// Opens a pseudo-terminal and starts answering for `devices` (one per address).
    /// - Throws: `EmulatorError` when `openpty` fails.
    public init(checksum: CCTalkChecksum = .simple, echo: Bool = true, devices: [EmulatedDevice]) throws {
        terminal = try PseudoTerminal()
        self.checksum = checksum
        self.echo = echo
        withState { state in
            for device in devices { state.devices[device.address] = device }
        }
        let thread = Thread { [self] in loop() }
        thread.name = "cctalk-emulator"
        thread.start()
    }

    private func withState<Result>(_ body: (inout State) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&stateValue)
    }

    /// Stops the emulator thread and waits for it.
    public func stop() {
        guard running.exchange(false, ordering: .sequentiallyConsistent) else { return }
        finished.wait()
    }

    /// Runs `body` on the device at `address` under the bus lock (insert coins, set faults, read counts).
    public func with<Device: EmulatedDevice, Result>(_ type: Device.Type, at address: UInt8, _ body: (Device) -> Result) -> Result {
        withState { state in
            guard let device = state.devices[address] as? Device else { fatalError("no \(Device.self) at address \(address)") }
            return body(device)
        }
    }

    /// Turns `fault` on or off for the device at `address`.
    public func setFault(_ fault: EmulatorFault, at address: UInt8, active: Bool = true) {
        withState { state in
            if active { state.devices[address]?.faults.insert(fault) } else { state.devices[address]?.faults.remove(fault) }
        }
    }

    /// Every request the host sent, in order.
    public var requests: [CCTalkPacket] { withState { $0.requests } }

    private func loop() {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        while running.load(ordering: .sequentiallyConsistent) {
            var entry = pollfd(fd: terminal.master, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 10) > 0 else { continue }
            let got = buffer.withUnsafeMutableBytes { read(terminal.master, $0.baseAddress, $0.count) }
            guard got > 0 else { continue }
            pending += buffer[0..<got]
            while pending.count >= 2, pending.count >= CCTalkPacket.totalLength(dataLength: pending[1]) {
                let length = CCTalkPacket.totalLength(dataLength: pending[1])
                let frame = Array(pending[0..<length])
                pending.removeFirst(length)
                if echo { send(frame) }
                if let reply = answer(frame) { send(reply) }
            }
        }
        finished.signal()
    }

    private func answer(_ frame: [UInt8]) -> [UInt8]? {
        guard let request = try? CCTalkPacket.decode(frame, checksum: checksum, impliedSource: 1) else { return nil }
        return withState { (state: inout State) -> [UInt8]? in
            state.requests.append(request)
            guard let device = state.devices[request.destination] else { return nil }
            if device.faults.contains(.deviceSilent) { return nil }
            let reply: CCTalkPacket
            switch device.handle(header: request.header, data: request.data) {
            case .ack(let data): reply = CCTalkPacket(destination: request.source, source: device.address, header: 0, data: data)
            case .nak: reply = CCTalkPacket(destination: request.source, source: device.address, header: 5)
            case .silent: return nil
            }
            var bytes = reply.encoded(checksum)
            if device.faults.contains(.corruptedChecksum) { bytes[bytes.count - 1] &+= 0x5A }
            return bytes
        }
    }

    private func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(terminal.master, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }
}
