import Foundation
import KioskTestSupport
import KioskCore
import KioskLedger
import Testing

/// Runs the real `kioskctl` binary (built next to the test bundle) against real ledger files.
@Suite("kioskctl ledger commands")
struct LedgerCtlTests {
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs kioskctl (built beside the tests) and waits for it without blocking the cooperative pool.
    static func kioskctl(_ arguments: [String]) async throws -> Run {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var binary = directory.appendingPathComponent("kioskctl")
        // The test bundle may sit one level deeper (…/kioskdPackageTests.xctest/…).
        if !FileManager.default.fileExists(atPath: binary.path) {
            binary = directory.deletingLastPathComponent().appendingPathComponent("kioskctl")
        }
        try #require(FileManager.default.fileExists(atPath: binary.path), "build kioskctl first: swift build --build-tests")
        let result = try await runProcess(binary.path, arguments)
        return Run(status: result.status, output: result.stdout, error: result.stderr)
    }

    static func fill(_ path: String) async throws -> IssuanceNumber {
        let ledger = try Ledger(path: path)
        let number = try IssuanceNumber(kioskNumber: 12, sequence: 34)
        let issuance = UUID()
        for index in 1...30 {
            try await ledger.append(LedgerFixture.record(.paid, code: String(format: "DOC-%04d", index), amount: 1_000, at: Int64(index)))
        }
        try await ledger.append([
            LedgerFixture.record(.paid, issuance: issuance, code: "RES, COPY", amount: 1_500, number: number, at: 100),
            LedgerFixture.record(.printing, issuance: issuance, code: "RES, COPY", number: number, jobID: 9, at: 101),
            LedgerFixture.record(.issued, issuance: issuance, code: "RES, COPY", number: number, jobID: 9, at: 102),
        ])
        try ledger.close()
        return number
    }

    @Test("verify passes an intact ledger and names the first altered entry with exit 1")
    func verify() async throws {
        let fixture = try LedgerFixture()
        _ = try await Self.fill(fixture.path)
        let good = try await Self.kioskctl(["ledger", "verify", "--db", fixture.path])
        #expect(good.status == 0)
        #expect(good.output.contains("chain intact, 33 entries"))
        #expect(good.error.isEmpty, "no progress bar when stderr is not a terminal")

        var bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
        let range = try #require(bytes.range(of: Data("DOC-0009".utf8)))
        bytes[range.upperBound - 1] = UInt8(ascii: "7")
        try bytes.write(to: URL(fileURLWithPath: fixture.path))
        let bad = try await Self.kioskctl(["ledger", "verify", "--db", fixture.path])
        #expect(bad.status == 1)
        #expect(bad.output.contains("BROKEN at entry 9:"))
    }

    @Test("show, tail, stats and export read the same entries")
    func readCommands() async throws {
        let fixture = try LedgerFixture()
        let number = try await Self.fill(fixture.path)
        let show = try await Self.kioskctl(["ledger", "show", number.formatted, "--db", fixture.path])
        #expect(show.status == 0)
        #expect(show.output.hasPrefix("issuance \(number.formatted): issued"))
        #expect(show.output.split(separator: "\n").count == 4)

        let unknown = try await Self.kioskctl(["ledger", "show", try IssuanceNumber(kioskNumber: 12, sequence: 35).formatted, "--db", fixture.path])
        #expect(unknown.status == 1 && unknown.error.contains("no issuance"))
        let typo = try await Self.kioskctl(["ledger", "show", "0012-0000-0000-0341", "--db", fixture.path])
        #expect(typo.status == 64 && typo.error.contains("check digit"))

        let tail = try await Self.kioskctl(["ledger", "tail", "-n", "2", "--db", fixture.path])
        #expect(tail.status == 0)
        #expect(tail.output.split(separator: "\n").map { $0.split(separator: " ")[0] } == ["#32", "#33"])

        // The fixture's instants are 2026-09-21T14:13:20Z + a few ms: 2026-09-21 in Asia/Seoul is 23:13.
        let stats = try await Self.kioskctl(["ledger", "stats", "--day", "2026-09-21", "--db", fixture.path, "--json"])
        #expect(stats.status == 0)
        let figures = try JSONDecoder().decode([LedgerDocumentStats].self, from: Data(stats.output.utf8))
        #expect(figures.count == 31)
        #expect(figures.first { $0.documentCode == "RES, COPY" }?.issued == 1)
        #expect(figures.reduce(Money.zero) { $0 + $1.paid } == Money(won: 31_500))
        let otherDay = try await Self.kioskctl(["ledger", "stats", "--day", "2026-09-22", "--db", fixture.path, "--json"])
        #expect(try JSONDecoder().decode([LedgerDocumentStats].self, from: Data(otherDay.output.utf8)).isEmpty)

        let csv = try await Self.kioskctl(["ledger", "export", "--since", "2026-09-21", "--format", "csv", "--db", fixture.path])
        let lines = csv.output.split(separator: "\n")
        #expect(csv.status == 0 && lines.count == 34)
        #expect(lines[0].hasPrefix("sequence,entryID,"))
        #expect(lines[31].contains("\"RES, COPY\""))
        #expect(csv.error.isEmpty)
        let jsonl = try await Self.kioskctl(["ledger", "export", "--since", "2026-09-21T14:13:20.050Z", "--format", "jsonl", "--db", fixture.path])
        #expect(jsonl.status == 0 && jsonl.output.split(separator: "\n").count == 3)
        let bad = try await Self.kioskctl(["ledger", "export", "--since", "yesterday", "--format", "csv", "--db", fixture.path])
        #expect(bad.status == 64 && bad.error.contains("not a date"))
    }

    @Test("a missing or foreign file is a clear error")
    func badFiles() async throws {
        let fixture = try LedgerFixture()
        let missing = try await Self.kioskctl(["ledger", "verify", "--db", fixture.path])
        #expect(missing.status == 1 && missing.error.contains("no such file"))
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: fixture.path))
        let foreign = try await Self.kioskctl(["ledger", "tail", "--db", fixture.path])
        #expect(foreign.status == 78 && foreign.error.contains("corrupt"))
    }
}

