import Foundation
import KioskCore
import KioskSync
import KioskTestSupport
import Testing

/// kiosk-central over HTTPS with a throwaway CA: a kiosk trusting that CA syncs; a kiosk trusting
/// another CA (or the system's store) is refused before anything is sent; plain HTTP is loopback only.
@Suite(.serialized) struct TLSTests {
    @Test func kioskTrustingTheCASyncsOverHTTPSAndAnotherCAIsRefused() async throws {
        let folder = try TemporaryDirectory(prefix: "central-tls")
        let certificates = try await TestCertificates.make()
        let other = try await TestCertificates.make()
        var chain = ChainFixture(kioskID: "tls-01", kioskNumber: 301)
        let numbers = (0..<5).map { _ in chain.issue() }
        let database = folder.file("central.sqlite")
        try await RunningCentral.register(database: database, id: chain.kioskID, publicKey: chain.key.publicKey.base64)
        let central = try await RunningCentral(
            database: database, folder: folder.path, tls: (certificate: certificates.certificate, key: certificates.key))
        #expect(central.baseURL.hasPrefix("https://"))

        // Another CA: the handshake fails, the error says why, nothing is stored.
        let stranger = SyncClient(
            baseURL: central.baseURL, kioskID: chain.kioskID, key: chain.key, timeout: .seconds(2), trust: try SyncTrust(caFile: other.caFile))
        do {
            _ = try await stranger.push(chain.batch(1...15))
            Issue.record("a kiosk trusting another CA reached central")
        } catch {
            guard case .untrusted(let reason) = error else { Issue.record("expected .untrusted, got \(error)"); return }
            #expect(reason.contains("not issued by the CA in sync.ca_file"), "\(reason)")
            #expect(error.description.hasPrefix("central refused as untrusted over TLS"))
        }
        // The system's store does not know the throwaway CA either.
        let systemTrust = SyncClient(baseURL: central.baseURL, kioskID: chain.kioskID, key: chain.key, timeout: .seconds(2))
        await #expect(throws: SyncError.self) { _ = try await systemTrust.push(chain.batch(1...15)) }

        // The configured CA: the batch arrives once and verifies.
        let trusted = SyncClient(
            baseURL: central.baseURL, kioskID: chain.kioskID, key: chain.key, timeout: .seconds(10),
            trust: try SyncTrust(caFile: certificates.caFile))
        #expect(try await trusted.head().ackedSequence == 0, "the refused kiosks stored nothing")
        let ack = try await trusted.push(chain.batch(1...15))
        #expect(ack.ackedSequence == 15 && ack.stored == 15)
        for number in numbers {
            // curl with only the throwaway CA: what a clerk's browser would do with the central's CA installed.
            let answer = try await runProcess(
                "/usr/bin/curl", ["-s", "--fail", "--cacert", certificates.caFile, central.baseURL + "/v1/verify/\(number.digits)"])
            #expect(answer.status == 0, "\(answer.stderr)")
            #expect(answer.stdout.contains("\"found\":true") && answer.stdout.contains("\"kioskID\":\"tls-01\""), "\(answer.stdout)")
        }
        let refusedByCurl = try await runProcess("/usr/bin/curl", ["-s", "--cacert", other.caFile, central.baseURL + "/healthz"])
        #expect(refusedByCurl.status == 60, "curl exit 60: peer certificate cannot be authenticated with the given CA")
        await central.kill()
    }

    @Test func plainHTTPOffLoopbackAndUnusableTLSFilesStopTheServerWithAReason() async throws {
        let folder = try TemporaryDirectory(prefix: "central-tls-bad")
        let database = folder.file("central.sqlite")
        let exposed = try await runProcess(BuiltProducts.path("kiosk-central"), ["serve", "--listen", "0.0.0.0:0", "--database", database])
        #expect(exposed.status != 0)
        #expect(exposed.stderr.contains("plain HTTP is served on loopback only, not on 0.0.0.0"), "\(exposed.stderr)")

        let certificates = try await TestCertificates.make()
        let missingKey = try await runProcess(
            BuiltProducts.path("kiosk-central"),
            ["serve", "--listen", "127.0.0.1:0", "--database", database, "--tls-certificate", certificates.certificate,
             "--tls-key", folder.file("absent.key")])
        #expect(missingKey.status != 0)
        #expect(missingKey.stderr.contains("TLS file \(folder.file("absent.key")) cannot be used: it does not exist"), "\(missingKey.stderr)")

        let notPEM = try folder.write("garbage.pem", "not a certificate\n")
        let garbage = try await runProcess(
            BuiltProducts.path("kiosk-central"),
            ["serve", "--listen", "127.0.0.1:0", "--database", database, "--tls-certificate", notPEM, "--tls-key", certificates.key])
        #expect(garbage.status != 0)
        #expect(garbage.stderr.contains("TLS file \(notPEM) cannot be used: not a PEM certificate file"), "\(garbage.stderr)")

        let half = try await runProcess(
            BuiltProducts.path("kiosk-central"), ["serve", "--listen", "127.0.0.1:0", "--database", database, "--tls-certificate", notPEM])
        #expect(half.status != 0 && half.stderr.contains("--tls-certificate needs --tls-key"), "\(half.stderr)")
    }

    @Test func caFileProblemsAreNamed() throws {
        let folder = try TemporaryDirectory(prefix: "sync-trust")
        #expect(throws: SyncTrustError.missing(path: folder.file("none.pem"))) { try SyncTrust(caFile: folder.file("none.pem")) }
        let text = try folder.write("text.pem", "hello\n")
        #expect(throws: SyncTrustError.notPEM(path: text)) { try SyncTrust(caFile: text) }
        #expect(throws: SyncTrustError.unreadable(path: folder.path, reason: "it is a directory")) { try SyncTrust(caFile: folder.path) }
        let broken = try folder.write("broken.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
        do {
            _ = try SyncTrust(caFile: broken)
            Issue.record("a broken certificate was accepted")
        } catch {
            guard case .invalidCertificate(let path, _) = error else { Issue.record("expected .invalidCertificate, got \(error)"); return }
            #expect(path == broken)
            #expect(error.description.hasPrefix("sync.ca_file \(broken) holds a certificate that cannot be used"))
        }
    }
}
