import Foundation
import Glibc
import KioskCore
import KioskPayment
import KioskTestSupport
import Synchronization

/// Benchmarks of the payment area (issue 9; it names no targets, so no baselines):
/// - `payment.cctalk_roundtrip`: simple polls per second through `CCTalkBus` (queue hop, continuation,
///   termios write, echo read, reply read, checksum) against an ACK-ing responder on a pseudo-terminal.
///   A pty has no baud rate: this is the host's overhead; a real 9600-baud wire allows ~96 polls/s.
/// - `payment.change_plan`: `ChangePlanner.acceptance` decisions per second for a typical fee with
///   realistic hopper levels (5 denominations, each needing an exact change plan).
func paymentBenchmarks() async throws -> [BenchFigure] {
    let responder = try PollResponder()
    defer { responder.stop() }
    let bus = try CCTalkBus(path: responder.path)
    let peripheral = CCTalkPeripheral(bus: bus, address: 2)
    for _ in 0..<50 { try await peripheral.simplePoll() }
    let rounds = 2000
    let clock = ContinuousClock()
    let start = clock.now
    for _ in 0..<rounds { try await peripheral.simplePoll() }
    let elapsed = start.duration(to: clock.now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

    let planner = ChangePlanner(available: [Money(won: 500): 87, Money(won: 100): 143])
    let offered = Set([100, 500, 1000, 5000, 10000].map { Money(won: $0) })
    var accepted = 0
    let decisions = 20_000
    let planSeconds = measureSeconds {
        for index in 0..<decisions {
            accepted += planner.acceptance(due: Money(won: 200 + (index % 40) * 100), offered: offered).accepted.count
        }
    }
    precondition(accepted > 0)
    return [
        BenchFigure(name: "payment.cctalk_roundtrip", value: Double(rounds) / seconds, unit: "polls/s", baseline: nil),
        BenchFigure(name: "payment.change_plan", value: Double(decisions) / planSeconds, unit: "decisions/s", baseline: nil),
    ]
}

/// A ccTalk device that only knows the simple poll: on the master side of a pty it echoes each packet
/// (the shared wire) and ACKs it from address 2. Its own thread; `stop()` ends it.
private final class PollResponder: Sendable {
    let terminal: PseudoTerminal
    var master: Int32 { terminal.master }
    var path: String { terminal.slavePath }
    private let running = Atomic(true)
    private let done = DispatchSemaphore(value: 0)

    init() throws {
        terminal = try PseudoTerminal()
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Ends the responder's thread (the pty closes when the terminal goes).
    func stop() {
        running.store(false, ordering: .sequentiallyConsistent)
        done.wait()
    }

    private func serve() {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        let ack = CCTalkPacket(destination: 1, source: 2, header: 0).encoded()
        while running.load(ordering: .sequentiallyConsistent) {
            var entry = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 10) > 0 else { continue }
            let got = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard got > 0 else { continue }
            pending += buffer[0..<got]
            while pending.count >= 2, pending.count >= CCTalkPacket.totalLength(dataLength: pending[1]) {
                let frame = Array(pending[0..<CCTalkPacket.totalLength(dataLength: pending[1])])
                pending.removeFirst(frame.count)
                let reply = frame + ack
                _ = reply.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            }
        }
        done.signal()
    }
}
