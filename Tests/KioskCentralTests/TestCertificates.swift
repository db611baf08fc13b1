import Foundation
import KioskTestSupport

/// A throwaway CA and a server certificate for 127.0.0.1 it signs, made by
/// Tests/Fixtures/central/make-test-ca.sh with the openssl command in `folder`.
struct TestCertificates {
    let folder: TemporaryDirectory
    var caFile: String { folder.file("ca.pem") }
    var certificate: String { folder.file("server.pem") }
    var key: String { folder.file("server.key") }

    /// A new CA (each call makes one that trusts nothing made by another call).
    static func make() async throws -> TestCertificates {
        let folder = try TemporaryDirectory(prefix: "test-ca")
        let script = BuiltProducts.packageRoot + "/Tests/Fixtures/central/make-test-ca.sh"
        let result = try await runProcess("/bin/sh", [script, folder.path])
        guard result.status == 0 else {
            throw ChildProcess.Failure(description: "make-test-ca.sh failed (\(result.status)); is openssl installed? \(result.stderr)")
        }
        return TestCertificates(folder: folder)
    }
}
