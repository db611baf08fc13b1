import KioskDevices
import KioskUSB

/// The NB-1010-U's three operations over a transport: finger check, capture start, image read.
/// Every transfer has `transferTimeout`; cancellation is checked between transfers, so a capture
/// stops within one transfer timeout. Sensitive buffers are wiped before the functions return.
struct NB1010Driver: Sendable {
    let transport: any USBTransport
    let transferTimeout: Duration

    /// Sends `command` and reads its 16-byte reply.
    /// - Throws: `USBError`, `NB1010Error`.
    private func exchange(_ command: [UInt8], step: String) async throws -> [UInt8] {
        let sent = try await transport.bulkWrite(endpoint: NB1010Protocol.outEndpoint, data: command, timeout: transferTimeout)
        guard sent == command.count else { throw NB1010Error.shortWrite(step: step, expected: command.count, sent: sent) }
        let buffer = USBBuffer(count: NB1010Protocol.replyLength)
        defer { buffer.wipe() }
        let received = try await transport.bulkRead(endpoint: NB1010Protocol.inEndpoint, into: buffer, timeout: transferTimeout)
        let reply = buffer.copyBytes()
        try NB1010Protocol.validateReply(reply, received: received, step: step)
        return reply
    }

    /// The finger level the sensor reports (above 0x30: a finger is on it).
    /// - Throws: `USBError`, `NB1010Error`.
    func fingerLevel() async throws -> UInt8 {
        try await exchange(NB1010Protocol.checkFinger, step: "finger check")[NB1010Protocol.fingerLevelByte]
    }

    /// Pre-capture and capture commands; the image chunks are queued on the device afterwards.
    /// - Throws: `USBError`, `NB1010Error`.
    func startCapture() async throws {
        _ = try await exchange(NB1010Protocol.preCapture, step: "pre-capture")
        _ = try await exchange(NB1010Protocol.capture, step: "capture")
    }

    /// Reads the 90 image chunks into a 256×180 image, reading into `chunk` (wiped afterwards).
    /// When cancelled part-way the remaining chunks are drained so the device is left in step,
    /// then `CancellationError` is thrown.
    /// - Throws: `USBError`, `NB1010Error`, `CancellationError`.
    func readImage(chunk: USBBuffer = USBBuffer(count: NB1010Protocol.chunkLength)) async throws -> GrayImage {
        precondition(chunk.count == NB1010Protocol.chunkLength, "chunk buffer must hold one 540-byte chunk")
        let width = NB1010Protocol.width
        var pixels = [UInt8](repeating: 0, count: width * NB1010Protocol.height)
        defer { chunk.wipe() }
        do {
            for index in 0..<NB1010Protocol.chunkCount {
                if Task.isCancelled {
                    try await drain(from: index, chunk: chunk)
                    throw CancellationError()
                }
                let received = try await transport.bulkRead(endpoint: NB1010Protocol.inEndpoint, into: chunk, timeout: transferTimeout)
                let header = chunk.copyBytes(0..<NB1010Protocol.chunkHeaderLength)
                try NB1010Protocol.validateChunkHeader(header, received: received, index: index)
                chunk.withBytes { bytes in
                    let rowBytes = width * NB1010Protocol.rowsPerChunk
                    let start = index * rowBytes
                    for offset in 0..<rowBytes { pixels[start + offset] = bytes[NB1010Protocol.chunkHeaderLength + offset] }
                }
            }
        } catch {
            pixels.withUnsafeMutableBufferPointer { buffer in for index in buffer.indices { buffer[index] = 0 } }
            throw error
        }
        return GrayImage(width: width, height: NB1010Protocol.height, pixels: pixels)
    }

    /// Reads and discards the chunks from `index` on, so the next command finds the device idle.
    private func drain(from index: Int, chunk: USBBuffer) async throws {
        for _ in index..<NB1010Protocol.chunkCount {
            _ = try await transport.bulkRead(endpoint: NB1010Protocol.inEndpoint, into: chunk, timeout: transferTimeout)
        }
        chunk.wipe()
    }
}
