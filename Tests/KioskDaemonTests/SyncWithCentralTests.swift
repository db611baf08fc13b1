import Foundation
import KioskTestSupport
import Testing

/// kioskd and kiosk-central as real processes over loopback: issuances made while central is down
/// arrive exactly once when it comes up, and central verifies every issuance number.
@Suite("Sync with a real kiosk-central", .serialized)
struct SyncWithCentralTests {
    /// Checks that central's `/v1/verify` finds each of `numbers` as issued by TEST-0001.
    static func expectIssued(_ numbers: [String], atCentralPort port: Int) async throws {
        for number in numbers {
            let answer = try await httpGet("http://127.0.0.1:\(port)/v1/verify/\(number)")
            #expect(answer.status == 200)
            let json = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]
            #expect(json?["found"] as? Bool == true && json?["kioskID"] as? String == "TEST-0001" && json?["status"] as? String == "issued")
        }
    }

    /// A free TCP port on 127.0.0.1 (bound to port 0, then released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func issuancesMadeWhileCentralIsDownArriveOnceAndVerify() async throws {
        let keys = try TemporaryDirectory(prefix: "kiosk-sync")
        let keyPath = keys.file("kiosk.key")
        let created = try await runProcess(BuiltProducts.path("kioskctl"), ["keys", "init", "--key", keyPath])
        try #require(created.status == 0, "\(created.stderr)")
        let publicKey = try #require(
            created.stdout.split(separator: "\n").first { $0.hasPrefix("public key: ") }.map { String($0.dropFirst("public key: ".count)) })
        let port = try Self.freePort()
        let kiosk = try SessionKiosk(extra: "[sync]\nurl = \"http://127.0.0.1:\(port)\"\nkey = \"\(keyPath)\"\n")
        try await kiosk.start()

        var numbers: [String] = []
        for _ in 0..<3 {
            let (id, _) = try await kiosk.quoted("LD-LAND")
            _ = try await kiosk.api("POST", "/sessions/\(id)/pay", #"{"method":"card"}"#)
            let done = try await kiosk.waitFinished(id)
            numbers.append(try #require((done["documents"] as? [[String: Any]])?.first?["issuanceNumber"] as? String))
        }
        let offline = try #require(try await kiosk.ctlJSON(["status"]) as? [String: Any])
        #expect((offline["syncLag"] as? Int ?? 0) >= 12, "central is down, so every entry is still to be sent")

        let database = keys.file("central.sqlite")
        let add = try await runProcess(
            BuiltProducts.path("kiosk-central"),
            ["kiosks", "add", "--database", database, "--id", "TEST-0001", "--public-key", publicKey, "--name", "test", "--district", "진주시"])
        try #require(add.status == 0, "\(add.stderr)")
        let central = try ChildProcess(
            BuiltProducts.path("kiosk-central"), ["serve", "--listen", "127.0.0.1:\(port)", "--database", database],
            outputDirectory: keys.path)
        defer { central.terminate() }

        let lag = try await kiosk.waitSynced()
        #expect(lag == 0, "kioskd:\n\(kiosk.process?.stderr ?? "")\ncentral:\n\(central.stderr)")
        try await SyncWithCentralTests.expectIssued(numbers, atCentralPort: port)
        let daily = try await httpGet("http://127.0.0.1:\(port)/v1/kiosks")
        #expect(daily.status == 200)
        #expect(await kiosk.stop() == 0)
    }
}
