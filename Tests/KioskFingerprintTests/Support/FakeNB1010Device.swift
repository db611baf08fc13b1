import KioskDevices
import KioskUSB

/// An NB-1010-U simulated at the transport level: it answers the three commands like the
/// recording, queues 90 image chunks after a capture command, and injects one-shot faults.
/// Like the real device it gets out of step when a command arrives while image chunks are still
/// queued (it then answers garbage) until it is reset.
actor FakeNB1010Device: USBTransport {
    enum Fault: Sendable, Equatable {
        /// The finger check's reply does not come (transfer timeout).
        case replyTimeout
        /// The IN endpoint stalls on chunk n (0-based).
        case stallAtChunk(Int)
        /// Chunk n arrives short (100 bytes).
        case shortReadAtChunk(Int)
        /// Chunk n has a garbage header.
        case garbageAtChunk(Int)
        /// The reader is unplugged while chunk n is being read.
        case unplugAtChunk(Int)
    }

    nonisolated let device = USBDeviceInfo(bus: 1, address: 3, vendorID: 0x298d, productID: 0x1010)
    private let image: GrayImage
    /// Finger levels for successive finger checks; the last one repeats.
    private var fingerLevels: [UInt8]
    private var fault: Fault?
    private var pendingReply: [UInt8]?
    private var queuedChunks: [Int] = []
    private var plugged = true
    private var closed = false
    private(set) var handedBuffers: [USBBuffer] = []
    private(set) var resets = 0
    private(set) var clearedHalts: [UInt8] = []
    private(set) var fingerChecks = 0
    private(set) var opens = 0
    private var chunkHook: (index: Int, action: @Sendable () -> Void)?

    init(image: GrayImage, fingerLevels: [UInt8] = [0x10, 0x12, 0xF7]) {
        self.image = image
        self.fingerLevels = fingerLevels
    }

    func inject(_ fault: Fault) { self.fault = fault }
    /// Runs `action` when chunk `index` is read (a test cancels the capture there).
    func onChunk(_ index: Int, _ action: @escaping @Sendable () -> Void) { chunkHook = (index, action) }
    /// Image chunks the device still holds.
    var pendingChunks: Int { queuedChunks.count }
    func setFingerLevels(_ levels: [UInt8]) { fingerLevels = levels }
    func unplug() { plugged = false }
    func replug() { plugged = true; closed = false; pendingReply = nil; queuedChunks = [] }

    /// The opener the reader uses: fails with noDevice while unplugged.
    func open() throws -> any USBTransport {
        guard plugged else { throw USBError(kind: .noDevice, operation: "open 298d:1010 (no such device connected)") }
        opens += 1
        closed = false
        return self
    }

    private func checkConnected(_ operation: String) throws {
        guard plugged, !closed else { throw USBError(kind: .noDevice, operation: operation, code: -4) }
    }

    func bulkWrite(endpoint: UInt8, data: [UInt8], timeout: Duration) async throws -> Int {
        try checkConnected("bulk write to endpoint 0x2")
        if !queuedChunks.isEmpty {
            pendingReply = [UInt8](repeating: 0x55, count: 16)  // out of step: garbage
            return data.count
        }
        switch data {
        case [0x80, 0x38, 0x01, 0x00, 0x08, 0x00, 0x00, 0x00]:
            fingerChecks += 1
            let level = fingerLevels.count > 1 ? fingerLevels.removeFirst() : fingerLevels[0]
            pendingReply = [0x80, 0x37, 0x01, 0x00, 0x10, 0, 0, 0, 0, 0, 0, 0, level, 0, 0, 0]
        case let command where command.count == 12 && command[1] == 0x0d:
            pendingReply = [0x80, 0x20, 0x03, 0x00, 0x10] + [UInt8](repeating: 0, count: 11)
        case let command where command.count == 32 && command[1] == 0x12:
            pendingReply = [0x80, 0x20, 0x04, 0x00, 0x10, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0]
            queuedChunks = Array(0..<90)
        default:
            pendingReply = [UInt8](repeating: 0xEE, count: 16)
        }
        return data.count
    }

    func bulkRead(endpoint: UInt8, into buffer: USBBuffer, timeout: Duration) async throws -> Int {
        handedBuffers.append(buffer)
        try checkConnected("bulk read from endpoint 0x83")
        if let reply = pendingReply {
            pendingReply = nil
            if fault == .replyTimeout && reply[1] == 0x37 {
                fault = nil
                throw USBError(kind: .timeout, operation: "bulk read from endpoint 0x83", code: -7)
            }
            buffer.withUnsafeMutableBytes { for (index, byte) in reply.enumerated() where index < $0.count { $0[index] = byte } }
            return reply.count
        }
        guard !queuedChunks.isEmpty else {
            throw USBError(kind: .timeout, operation: "bulk read from endpoint 0x83", code: -7)
        }
        let index = queuedChunks.removeFirst()
        if let hook = chunkHook, hook.index == index {
            chunkHook = nil
            hook.action()
        }
        switch fault {
        case .stallAtChunk(index):
            fault = nil
            throw USBError(kind: .stall, operation: "bulk read from endpoint 0x83", code: -9)
        case .unplugAtChunk(index):
            fault = nil
            plugged = false
            throw USBError(kind: .noDevice, operation: "bulk read from endpoint 0x83", code: -4)
        default:
            break
        }
        var chunk: [UInt8] = [0x80, 0x21, 0x00, 0x00, 0x1C, 0x02, 0x00, 0x00, 0, 0, 0, 0, index == 89 ? 0 : 1, 0, 0, 0]
        let row = UInt32(index * 2 + 1)
        chunk += [UInt8(row & 0xFF), UInt8(row >> 8), 0, 0, 0x00, 0x01, 0x00, 0x00, 0x01]
        chunk += image.pixels[(index * 512)..<(index * 512 + 512)]
        chunk += [0, 0, 0]
        if fault == .garbageAtChunk(index) {
            fault = nil
            chunk[1] = 0x99
        }
        var length = chunk.count
        if fault == .shortReadAtChunk(index) {
            fault = nil
            length = 100
        }
        buffer.withUnsafeMutableBytes { for offset in 0..<min(length, $0.count) { $0[offset] = chunk[offset] } }
        return length
    }

    func interruptWrite(endpoint: UInt8, data: [UInt8], timeout: Duration) async throws -> Int {
        throw USBError(kind: .notSupported, operation: "interrupt write (the NB-1010-U has no interrupt endpoint)")
    }

    func interruptRead(endpoint: UInt8, into buffer: USBBuffer, timeout: Duration) async throws -> Int {
        throw USBError(kind: .notSupported, operation: "interrupt read (the NB-1010-U has no interrupt endpoint)")
    }

    func clearHalt(endpoint: UInt8) async throws {
        try checkConnected("clear halt")
        clearedHalts.append(endpoint)
        queuedChunks = []  // the fake drops what the stalled pipe held
    }

    func reset() async throws {
        try checkConnected("reset")
        resets += 1
        pendingReply = nil
        queuedChunks = []
    }

    func close() async { closed = true }
}
