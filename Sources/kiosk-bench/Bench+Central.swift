import Foundation

/// Central benchmarks (issue 5): runs `kiosk-central bench-ingest` (built beside kiosk-bench) and relays
/// its `bench` lines: ingest throughput through LedgerIngest into SQLite and into PostgreSQL for many
/// kiosks catching up, with the raw one-transaction insert (SQLite) and the raw one-`COPY` load
/// (PostgreSQL) of the same rows as baselines. PostgreSQL is measured only when `KIOSK_BENCH_POSTGRES`
/// (a postgres:// URL to an empty database) is set. Scale: `KIOSK_BENCH_CENTRAL_KIOSKS`
/// (default 100) × `KIOSK_BENCH_CENTRAL_ENTRIES` (default 1,000) — the full scale is
/// 1,000 × 10,000. Files go to `KIOSK_BENCH_DIR` or the temporary directory. (kiosk-bench does not link
/// KioskCentral itself: its server stack changes how C types resolve in the other benchmarks.)
func centralBenchmarks() async throws -> [BenchFigure] {
    let environment = ProcessInfo.processInfo.environment
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kiosk-central").path
    guard FileManager.default.isExecutableFile(atPath: executable) else {
        throw CentralBenchError(message: "\(executable) is missing: build it with swift build --product kiosk-central")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
        "bench-ingest", "--kiosks", environment["KIOSK_BENCH_CENTRAL_KIOSKS"] ?? "100",
        "--entries", environment["KIOSK_BENCH_CENTRAL_ENTRIES"] ?? "1000",
        "--batch", environment["KIOSK_BENCH_CENTRAL_BATCH"] ?? "2000",
        "--directory", environment["KIOSK_BENCH_DIR"] ?? NSTemporaryDirectory(),
    ]
    if let postgres = environment["KIOSK_BENCH_POSTGRES"] { process.arguments?.append(contentsOf: ["--postgres", postgres]) }
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CentralBenchError(message: "kiosk-central bench-ingest failed with status \(process.terminationStatus)")
    }
    var figures: [BenchFigure] = []
    for line in output.split(separator: "\n") where line.hasPrefix("bench ") {
        // bench NAME: VALUE UNIT baseline=VALUE ratio=R
        let words = line.split(separator: " ")
        guard words.count >= 5, let value = Double(words[2]), let baseline = Double(words[4].dropFirst("baseline=".count)) else { continue }
        figures.append(BenchFigure(name: String(words[1].dropLast()), value: value, unit: String(words[3]), baseline: baseline))
    }
    return figures
}

/// Why the central benchmark could not run.
struct CentralBenchError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
