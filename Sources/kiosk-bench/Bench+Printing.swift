import KioskCore
import Foundation
import KioskDevices
import KioskPrinting
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Printing (issue 6): pages rendered per second for a one-page 등본 after warm-up (target ≥ 50/s),
/// and the p99 of "render + submit" to a real ippeveprinter (target < 20 ms), the controller's share
/// of the time between "paid" and "job submitted".
func printingBenchmarks() async throws -> [BenchFigure] {
    let renderer = try DocumentRenderer()
    let document = SampleDocumentProvider.document(.residentRegistrationCopy, issuanceNumber: "1234-5678-9012-3456")
    for _ in 0..<10 { _ = try renderer.render(document) }
    let count = 200
    var pages = 0
    let cpuBefore = threadCPUSeconds()
    let seconds = try measureSeconds {
        for _ in 0..<count { pages += try renderer.render(document).pageCount }
    }
    let cpu = threadCPUSeconds() - cpuBefore
    var figures = [
        BenchFigure(name: "printing.render_pages_per_s", value: Double(pages) / seconds, unit: "pages/s"),
        // CPU time of the rendering thread per page: what the page costs without other processes' load.
        BenchFigure(name: "printing.render_cpu_ms_per_page", value: cpu * 1000 / Double(pages), unit: "ms"),
    ]

    guard let peer = try? BenchPrinterPeer() else {
        FileHandle.standardError.write(Data("printing: ippeveprinter/dbus-daemon not installed; skipped render+submit\n".utf8))
        return figures
    }
    defer { peer.stop() }
    let printer = try IPPPrinter(
        configuration: IPPPrinterConfiguration(uri: peer.uri, busyBackoff: .milliseconds(10)),
        logger: Logger(label: "kiosk.bench", factory: { _ in SwiftLogNoOpLogHandler() }))
    _ = await printer.status()
    var samples: [Double] = []
    var submitSamples: [Double] = []
    let clock = ContinuousClock()
    for index in 0..<120 {
        let numbered = SampleDocumentProvider.document(
            .residentRegistrationCopy, issuanceNumber: String(format: "1234-5678-9012-%04d", index))
        let start = clock.now
        let rendered = try renderer.render(numbered)
        let rendering = clock.now
        let id = try await printer.submit(.issuance(number: numbered.issuanceNumber, document: rendered))
        let end = clock.now
        if index >= 20 {
            samples.append(milliseconds(end - start))
            submitSamples.append(milliseconds(end - rendering))
        }
        _ = try await printer.waitForTerminalState(id, interval: .milliseconds(5))
    }
    figures.append(BenchFigure(name: "printing.render_submit_p99_ms", value: p99(samples), unit: "ms"))
    figures.append(BenchFigure(name: "printing.submit_only_p99_ms", value: p99(submitSamples), unit: "ms"))
    return figures
}

/// CPU seconds the calling thread has used (the render loop above runs on one thread).
private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

private func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

private func p99(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
}

/// ippeveprinter with a private D-Bus daemon on a free loopback port; its print command is
/// `/bin/true`, so a job completes at once. Stopped with SIGKILL.
private final class BenchPrinterPeer {
    let directory: URL
    let port: Int
    private var pids: [pid_t] = []
    var uri: String { "ipp://localhost:\(port)/ipp/print" }

    init() throws {
        let tools = ["/usr/bin/dbus-daemon", "/usr/sbin/ippeveprinter"]
        guard tools.allSatisfy({ FileManager.default.isExecutableFile(atPath: $0) }) else { throw CocoaError(.fileNoSuchFile) }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-ipp-\(getpid())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("spool"), withIntermediateDirectories: true)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 ? getsockname(fd, $0, &length) : -1 }
        }
        close(fd)
        port = Int(UInt16(bigEndian: address.sin_port))
        let bus = directory.appendingPathComponent("bus").path
        try launch(tools[0], ["--session", "--nofork", "--nopidfile", "--address=unix:path=\(bus)"], [:])
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: bus) { usleep(20_000) }
        try launch(tools[1], ["-n", "localhost", "-p", "\(port)", "-r", "off", "-d", directory.appendingPathComponent("spool").path,
                              "-f", "application/pdf", "-c", "/bin/true", "KioskBench"],
                   ["DBUS_SYSTEM_BUS_ADDRESS": "unix:path=\(bus)"])
        for _ in 0..<250 {
            let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var target = address
            target.sin_port = in_port_t(UInt16(port).bigEndian)
            let connected = withUnsafePointer(to: &target) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(probe, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(probe)
            if connected == 0 { return }
            usleep(20_000)
        }
        stop()
        throw CocoaError(.fileReadUnknown)
    }

    private func launch(_ path: String, _ arguments: [String], _ environment: [String: String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        pids.append(process.processIdentifier)
    }

    func stop() {
        for pid in pids.reversed() {
            kill(pid, SIGKILL)  // Foundation's Process reaps the child.
        }
        pids = []
        try? FileManager.default.removeItem(at: directory)
    }
}
