import ArgumentParser
import Foundation
import KioskCentral

/// `kiosk-central bench-identity` (hidden): fingerprint verdicts per second through central's identity
/// service (match, limiter and an audited row per attempt) against the raw matcher-and-limiter baseline.
/// Prints one `bench` line.
struct IdentityBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-identity", abstract: "Measure identity verification throughput.", shouldDisplay: false)

    @Option(name: .long, help: "Verification attempts.") var attempts = 400
    @Option(name: .long, help: "Folder for the database file (a real disk).") var directory = NSTemporaryDirectory()

    func run() async throws {
        guard attempts >= 2 else { throw ValidationError("--attempts must be at least 2") }
        let (service, raw) = try await CentralIdentityBenchmark.measure(attempts: attempts, directory: directory)
        print("bench central_identity_verify_\(attempts): \(String(format: "%.0f", service)) verdicts/s baseline=\(String(format: "%.0f", raw)) ratio=\(String(format: "%.3f", service / raw))")
    }
}
