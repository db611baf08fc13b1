import Foundation
import KioskTestSupport
import Testing

/// `kioskctl printer test --uri` against a real ippeveprinter: no kioskd needed.
@Suite("kioskctl printer test --uri")
struct PrinterTestCommandTests {
    @Test("completes on a ready printer and names the reason when there is no paper")
    func directTestPrint() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let kioskctl = BuiltProducts.path("kioskctl")
        let done = try await runProcess(kioskctl, ["printer", "test", "--uri", peer.uri, "--json"])
        #expect(done.status == 0, "\(done.stderr)")
        let answer = try JSONSerialization.jsonObject(with: Data(done.stdout.utf8)) as? [String: Any]
        #expect(answer?["outcome"] as? String == "completed")
        let job = try #require(answer?["job"] as? Int)
        #expect(try peer.spooledDocument(job: job) != nil)

        try peer.loadPaper(0)
        let empty = try await runProcess(kioskctl, ["printer", "test", "--uri", peer.uri])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("test print failed: no-paper"), "\(empty.stderr)")
    }
}
