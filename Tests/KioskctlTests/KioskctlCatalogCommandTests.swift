import Foundation
import KioskTestSupport
import Testing

/// Runs the kioskctl binary built beside this test bundle (`swift build --build-tests` builds it).
struct Kioskctl {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binary: URL? {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [besideTests.appendingPathComponent("kioskctl")]
        // The test bundle may be a directory (…/kioskdPackageTests.xctest/…) on some layouts.
        candidates.append(besideTests.deletingLastPathComponent().appendingPathComponent("kioskctl"))
        candidates.append(repository.appendingPathComponent(".build/debug/kioskctl"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs kioskctl with `arguments` and `input` on stdin; returns (exit code, stdout, stderr).
    static func run(_ arguments: [String], input: String = "") async throws -> (status: Int32, out: String, err: String) {
        guard let binary else {
            Issue.record("kioskctl binary not found beside the tests; run `swift build --build-tests` first")
            return (-1, "", "")
        }
        let result = try await runProcess(binary.path, arguments, input: input, currentDirectory: repository.path)
        return (result.status, result.stdout, result.stderr)
    }
}

@Suite struct KioskctlCatalogCommandTests {
    @Test func scheduleEvalBatchAnswersOneLinePerInput() async throws {
        let input = """
            {"rule":"Mo-Fr 09:00-18:00; PH off","at":"2024-02-12T10:00"}
            {"rule":"Mo-Fr 09:00-18:00; PH off","at":"2024-02-12T10:00","holidays":[]}
            {"rule":"Mo-Fr 09:00-18:00; PH off","at":"2026-11-23T10:00","holidays":["2026-11-23"]}
            {"rule":"24/7","at":"2026-11-23T10:00"}
            {"rule":"Mo-Fr 22:00-02:00; Sa 10:00-12:00","at":"2026-11-28T01:00","holidays":[]}

            """
        let result = try await Kioskctl.run(["schedule", "eval", "--batch"], input: input)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.split(separator: "\n") == [
            #"{"open":false,"nextChange":"2024-02-13T09:00"}"#,
            #"{"open":true,"nextChange":"2024-02-12T18:00"}"#,
            #"{"open":false,"nextChange":"2026-11-24T09:00"}"#,
            #"{"open":true,"nextChange":null}"#,
            #"{"open":false,"nextChange":"2026-11-28T10:00"}"#,
        ])
    }

    @Test func scheduleEvalBatchReportsBadLinesInPlace() async throws {
        let input = """
            {"rule":"Mo-Fr 09:00-18:00 || Sa","at":"2026-11-23T10:00"}
            not json
            {"rule":"Mo-Fr 09:00-18:00","at":"2026-11-23T10:00"}
            """
        let result = try await Kioskctl.run(["schedule", "eval", "--batch"], input: input)
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains("position 19") && lines[0].contains("\"error\""))
        #expect(lines[1].contains("\"error\""))
        #expect(lines[2] == #"{"open":true,"nextChange":"2026-11-23T18:00"}"#)
    }

    @Test func scheduleEvalSingle() async throws {
        let json = try await Kioskctl.run(["schedule", "eval", "--rule", "Mo-Fr 09:00-18:00", "--at", "2026-11-23T17:00", "--holidays", "", "--json"])
        #expect(json.status == 0)
        #expect(json.out == "{\"open\":true,\"nextChange\":\"2026-11-23T18:00\"}\n")
        let text = try await Kioskctl.run(["schedule", "eval", "--rule", "Mo-Fr 09:00-18:00; PH off", "--at", "2025-10-08T10:00"])
        #expect(text.out == "closed\nnext change: 2025-10-10T09:00\n")
        let bad = try await Kioskctl.run(["schedule", "eval", "--rule", "Mo-Fr 09:00", "--at", "2026-11-23T17:00"])
        #expect(bad.status == 64)
        #expect(bad.err.contains("position 12: points in time"))
    }

    @Test func holidaysJSON() async throws {
        let result = try await Kioskctl.run(["holidays", "2024", "--json"])
        #expect(result.status == 0)
        let list = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]] ?? []
        let substitutes = list.filter { $0["substitute"] as? Bool == true }.compactMap { $0["date"] as? String }
        #expect(substitutes == ["2024-02-12", "2024-05-06"])
        #expect(list.contains { $0["date"] as? String == "2024-02-10" && $0["nameKo"] as? String == "설날" && $0["name"] as? String == "Seollal" })
        #expect(try await Kioskctl.run(["holidays", "1999"]).status == 64)
    }

    @Test func catalogListShowAndQuote() async throws {
        let list = try await Kioskctl.run(["catalog", "list", "--json"])
        #expect(list.status == 0, "\(list.err)")
        let documents = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]] ?? []
        #expect(documents.count == 101)
        let show = try await Kioskctl.run(["catalog", "show", "RR-CHOBON"])
        #expect(show.out.contains("address-history") && show.out.contains("the resident must choose"))
        let quote = try await Kioskctl.run(["fees", "quote", "RR-DEUNGBON", "--copies", "2", "--exemption", "national-merit", "--json"])
        #expect(quote.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(quote.out.utf8)) as? [String: Any] ?? [:]
        #expect(object["total"] as? Int == 0 && object["exemption"] as? String == "national-merit")
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID()).toml")
        try "version = 1\n[[documents]]\ncode = \"X\"\n".write(to: broken, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: broken) }
        let invalid = try await Kioskctl.run(["catalog", "list", "--catalog", broken.path])
        #expect(invalid.status == 78)
        #expect(invalid.err.contains("\(broken.path):2: documents[0].nameKo: required string is missing"))
    }
}
