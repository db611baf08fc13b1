import Foundation
import KioskTestSupport
import Testing

/// `kiosk-central bench-identity` prints one well-formed bench line (the figures themselves are not asserted).
@Suite struct IdentityBenchmarkTests {
    @Test func printsOneBenchLine() async throws {
        let folder = try TemporaryDirectory(prefix: "bench-identity")
        let result = try await runProcess(
            BuiltProducts.path("kiosk-central"), ["bench-identity", "--attempts", "4", "--directory", folder.path], timeout: .seconds(120))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let line = String(lines.first ?? "")
        #expect(line.wholeMatch(of: /bench central_identity_verify_4: [0-9]+ verdicts\/s baseline=[0-9]+ ratio=[0-9]+\.[0-9]{3}/) != nil, "\(line)")
        let refused = try await runProcess(BuiltProducts.path("kiosk-central"), ["bench-identity", "--attempts", "1"])
        #expect(refused.status != 0 && refused.stderr.contains("--attempts must be at least 2"))
    }
}
