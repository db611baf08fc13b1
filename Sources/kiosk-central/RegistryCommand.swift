import ArgumentParser
import Foundation
import KioskCentral
import KioskRegistry
import KioskCore

/// `kiosk-central registry seed`: stores the synthetic registry's parameters (and a fresh secret) in
/// central's storage; `serve` rebuilds the same registry from them at every start.
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry", abstract: "The synthetic resident registry behind identity and documents.", subcommands: [Seed.self, Enrolled.self])

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Seed the synthetic registry (restart `serve` to load it).")
        @OptionGroup var storage: StorageOptions
        @Option(name: .long, help: "At least this many residents (whole households).") var residents: Int
        @Option(name: .long, help: "The generator's seed (same seed → same registry).") var seed: UInt64 = 1
        @Option(name: .customLong("synthetic-thumbs"), help: "Heads of household enrolled with the simulated reader's thumbs of seeds 1…N.")
        var syntheticThumbs = 8
        @Option(name: .customLong("as-of"), help: "The registry's today, YYYY-MM-DD (default: today in Seoul).") var asOf: String?
        @Flag(name: .long, help: "Replace an existing registry (its resident references stop resolving).") var replace = false

        func run() async throws {
            do {
                let now = Date()
                let day: LocalDate
                if let asOf {
                    guard let parsed = LocalDate(iso: asOf) else { throw ValidationError("--as-of must be a date YYYY-MM-DD, got \"\(asOf)\"") }
                    day = parsed
                } else {
                    day = SeoulTime.localDate(of: now)
                }
                let (residents, seed, syntheticThumbs, replace) = (residents, seed, syntheticThumbs, replace)
                let summary = try await storage.withStorage { store in
                    try await CentralRegistrySeeding.seed(
                        storage: store, residents: residents, seed: seed, asOf: day, syntheticThumbs: syntheticThumbs,
                        replace: replace, now: now)
                }
                print("seeded registry: seed \(summary.parameters.seed), \(summary.parameters.households) households, \(summary.residents) residents, as of \(summary.parameters.asOf)")
                for (thumb, masked) in summary.enrolled {
                    print("enrolled: simulated thumb seed \(thumb) → \(masked)")
                }
            } catch let error as ValidationError {
                throw error
            } catch {
                FileHandle.standardError.write(Data("kiosk-central: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }

    struct Enrolled: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the seeded registry's enrolled residents (SYNTHETIC people: demo and test data only).",
            discussion: "A simulated fingerprint reader with finger_seed = K presents the thumb enrolled for the row with finger seed K.")
        @OptionGroup var storage: StorageOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            do {
                let rows = try await storage.withStorage { store in try await CentralRegistrySeeding.enrolled(storage: store) }
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    print(String(decoding: try encoder.encode(rows), as: UTF8.self))
                    return
                }
                print("# SYNTHETIC residents (no real person): number, name, finger seed, household members, exemptions")
                for row in rows {
                    print([row.residentNumber, row.name, row.fingerSeed.map { "finger_seed=\($0)" } ?? "recording \(row.recording ?? 0)", "\(row.householdMembers)", row.exemptions.joined(separator: ",")]
                        .joined(separator: "\t"))
                }
            } catch {
                FileHandle.standardError.write(Data("kiosk-central: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
