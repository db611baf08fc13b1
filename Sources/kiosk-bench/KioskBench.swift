/// `kiosk-bench`: runs every benchmark and prints one line per figure:
/// `bench NAME: VALUE UNIT baseline=VALUE ratio=R` (`baseline=- ratio=-` when there is none).
@main
struct KioskBench {
    static func main() async throws {
        let filter = CommandLine.arguments.dropFirst().first
        let groups: [(String, () async throws -> [BenchFigure])] = [
            ("hours", hoursBenchmarks),
            ("ledger", ledgerBenchmarks),
            ("printing", printingBenchmarks),
            ("fingerprint", fingerprintBenchmarks),
            ("payment", paymentBenchmarks),
            ("central", centralBenchmarks),
        ]
        for (name, run) in groups where filter == nil || filter == name {
            for figure in try await run() { print(figure.line) }
        }
    }
}
