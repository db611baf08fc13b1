import ArgumentParser
import Foundation
import KioskCore
import KioskRegistry

/// `kioskctl identity synthetic-residents`: offline, the residents of the synthetic registry whose thumbs
/// are enrolled — the numbers a demonstrator (or a browser test) types to verify with the simulated reader.
struct IdentityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity", abstract: "Identity back-end tools (offline).", subcommands: [SyntheticResidents.self])

    /// `kioskctl identity synthetic-residents [--seed S] [--households N] [--json]`.
    struct SyntheticResidents: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "synthetic-residents",
            abstract: "List the synthetic registry's enrolled residents (SYNTHETIC people: demo and test data only).",
            discussion: """
                The registry is the one `[identity] backend = "synthetic"` builds from the same seed and household \
                count. A simulated fingerprint reader with `finger_seed = K` presents the thumb enrolled as synthetic thumb K.
                """)

        @Option(help: "The registry's seed ([identity] synthetic_seed).") var seed = 1
        @Option(help: "The registry's households ([identity] synthetic_households).") var households = 200
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard (0...Int(Int32.max)).contains(seed) else { throw ValidationError("--seed: must be 0 to \(Int32.max)") }
            guard (1...100_000).contains(households) else { throw ValidationError("--households: must be 1 to 100000") }
        }

        func run() throws {
            let today = SeoulTime.localDate(of: Date())
            let registry = SyntheticRegistry(.init(seed: UInt64(seed), households: households, asOf: today))
            let rows = registry.enrolledResidents()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(rows), as: UTF8.self))
                return
            }
            print("SYNTHETIC residents (seed \(seed), \(households) households) — not real people")
            for row in rows {
                let exemptions = row.exemptions.isEmpty ? "" : "  exempt: " + row.exemptions.joined(separator: ",")
                let thumb = row.fingerSeed.map { "synthetic thumb \($0)" } ?? "recording \(row.recording ?? 0)"
                print("\(row.residentNumber)  \(row.name)  \(thumb)  household of \(row.householdMembers)\(exemptions)")
            }
        }
    }
}
