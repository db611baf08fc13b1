import Foundation
import KioskCentral
import KioskCore
import KioskRegistry
import KioskSync
import KioskTestSupport
import Testing

/// `POST /v1/identity/verify` on a real kiosk-central through `CentralIdentityVerifier`: verdicts, the
/// brute-force guard across kiosks and restarts, the audit, and the signed-request checks.
@Suite(.serialized) struct IdentityVerifyTests {
    @Test func verifiedNotMatchedAndNotEnrolledAreAnsweredAndAudited() async throws {
        let rig = try await IdentityRig()
        let resident = try rig.enrolledResident(thumb: 1)

        let verdict = try await rig.verifier().verify(rig.request(resident, thumb: 1))
        guard case .verified(let identity) = verdict else {
            Issue.record("expected verified, got \(verdict)")
            return
        }
        #expect(identity.resident == rig.reference(resident))
        #expect(identity.exemptions == resident.exemptions)
        #expect(identity.method == .fingerprint)

        // Another simulated finger on the same RRN.
        #expect(try await rig.verifier().verify(rig.request(resident, thumb: 2)) == .notMatched(remainingAttempts: 4))
        #expect(try await rig.verifier().verify(rig.request(try rig.unenrolledResident(), thumb: 1)) == .notEnrolled)

        let audit = try await rig.audit()
        #expect(audit.map(\.result) == ["verified", "not-matched", "not-enrolled"])
        #expect(audit.allSatisfy { $0.kioskID == rig.kioskA && $0.quality == 80 })
        #expect(audit[0].residentReference == rig.reference(resident).hex)
        #expect(audit[0].score != nil && audit[2].score == nil)
        // The RRN itself is nowhere in the database files.
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: rig.database + suffix))) ?? Data()
            #expect(bytes.range(of: Data(resident.residentNumber.unmaskedDigits.utf8)) == nil)
        }
    }

    @Test func failuresAtOneKioskLockTheResidentOutAtEveryKioskAndSurviveARestart() async throws {
        let rig = try await IdentityRig(arguments: ["--max-failures", "3"])
        let resident = try rig.enrolledResident(thumb: 2)
        #expect(try await rig.verifier().verify(rig.request(resident, thumb: 3)) == .notMatched(remainingAttempts: 2))
        #expect(try await rig.verifier().verify(rig.request(resident, thumb: 4)) == .notMatched(remainingAttempts: 1))
        let third = try await rig.verifier().verify(rig.request(resident, thumb: 1))
        guard case .lockedOut(let until) = third else {
            Issue.record("the third failure should lock the resident out, got \(third)")
            return
        }
        // The right thumb at another kiosk is refused without being evaluated.
        let atB = try await rig.verifier(rig.kioskB).verify(rig.request(resident, thumb: 2, kiosk: rig.kioskB))
        #expect(atB == .lockedOut(until: until))
        // Another resident is not affected.
        #expect(try await rig.verifier(rig.kioskB).verify(rig.request(try rig.enrolledResident(thumb: 3), thumb: 3, kiosk: rig.kioskB)).isVerified)

        // A restarted central rebuilds the limiter from the audit.
        await rig.central.kill()
        let restarted = try await RunningCentral(database: rig.database, folder: rig.folder.path, extraArguments: ["--max-failures", "3"])
        let again = try await rig.verifier(baseURL: restarted.baseURL).verify(rig.request(resident, thumb: 2))
        guard case .lockedOut = again else {
            Issue.record("a restart must not lift the lock-out, got \(again)")
            return
        }
        let audit = try await rig.audit()
        #expect(audit.map(\.result) == ["not-matched", "not-matched", "locked-out", "locked-out", "verified", "locked-out"])
        #expect(audit[3].kioskID == rig.kioskB)
        await restarted.kill()
    }

    @Test func badSignatureUnknownKioskStaleAndReplayedRequestsAreRefused() async throws {
        let rig = try await IdentityRig()
        let resident = try rig.enrolledResident(thumb: 1)
        func refusal(_ verifier: CentralIdentityVerifier) async -> String {
            do throws(IdentityVerificationError) {
                let verdict = try await verifier.verify(rig.request(resident, thumb: 1))
                return "answered \(verdict)"
            } catch {
                return error.description
            }
        }
        #expect(await refusal(rig.verifier(rig.kioskA, key: KioskSigningKey())).contains("403 bad-signature"))
        #expect(await refusal(rig.verifier("nobody", key: KioskSigningKey())).contains("401 unknown-kiosk"))

        // Hand-signed requests: stale timestamp, then one valid request sent twice.
        let body = Array(try WireCoding.encoder().encode(IdentityVerifyBody(
            kioskID: rig.kioskA, residentNumber: resident.residentNumber.unmaskedDigits,
            template: Data(IdentityRig.template(thumb: 1)).base64EncodedString(), quality: 80, atUTCMilliseconds: 0)))
        func headers(at date: Date) -> [String: String] {
            Dictionary(uniqueKeysWithValues: SignedRequest.headers(
                method: "POST", path: "/v1/identity/verify", kioskID: rig.kioskA, key: rig.keyA, body: body, now: date).map { ($0.name, $0.value) })
        }
        let url = rig.central.baseURL + "/v1/identity/verify"
        let stale = try await HTTPProbe.send("POST", url, body: body, headers: headers(at: Date().addingTimeInterval(-600)))
        #expect(stale.status == 401)
        #expect(stale.json?["error"] as? String == "stale-request")
        let fresh = headers(at: Date())
        let first = try await HTTPProbe.send("POST", url, body: body, headers: fresh)
        #expect(first.status == 200)
        #expect(first.json?["result"] as? String == "verified")
        let replay = try await HTTPProbe.send("POST", url, body: body, headers: fresh)
        #expect(replay.status == 409)
        #expect(replay.json?["error"] as? String == "replayed-request")
        // The signature covers the path: the same headers on another endpoint do not verify.
        let moved = try await HTTPProbe.send("POST", rig.central.baseURL + "/v1/documents/RR-DEUNGBON", body: body, headers: headers(at: Date()))
        #expect(moved.status == 403)
        // A body naming another kiosk than the signer.
        let other = Array(try WireCoding.encoder().encode(IdentityVerifyBody(
            kioskID: rig.kioskB, residentNumber: resident.residentNumber.unmaskedDigits, template: "AAAA", quality: 80, atUTCMilliseconds: 0)))
        let mismatch = try await HTTPProbe.send("POST", url, body: other, headers: Dictionary(uniqueKeysWithValues: SignedRequest.headers(
            method: "POST", path: "/v1/identity/verify", kioskID: rig.kioskA, key: rig.keyA, body: other).map { ($0.name, $0.value) }))
        #expect(mismatch.status == 403)
        #expect(mismatch.json?["error"] as? String == "kiosk-mismatch")
        // Only the one valid request was evaluated.
        #expect(try await rig.audit().count == 1)
    }

    @Test func malformedInputIsRefusedNamingTheProblem() async throws {
        let rig = try await IdentityRig()
        let url = rig.central.baseURL + "/v1/identity/verify"
        func send(_ number: String, template: String, quality: Int = 80) async throws -> HTTPProbe.Answer {
            let body = Array(try WireCoding.encoder().encode(IdentityVerifyBody(
                kioskID: rig.kioskA, residentNumber: number, template: template, quality: quality, atUTCMilliseconds: 0)))
            return try await HTTPProbe.send("POST", url, body: body, headers: Dictionary(uniqueKeysWithValues: SignedRequest.headers(
                method: "POST", path: "/v1/identity/verify", kioskID: rig.kioskA, key: rig.keyA, body: body).map { ($0.name, $0.value) }))
        }
        let valid = try rig.enrolledResident(thumb: 1).residentNumber.unmaskedDigits
        let badDate = try await send("901301" + "1234567", template: "AAAA")
        #expect(badDate.status == 400 && badDate.json?["error"] as? String == "bad-resident-number")
        #expect((badDate.json?["reason"] as? String)?.contains("not a real date") == true)
        let garbage = try await send(valid, template: Data([1, 2, 3]).base64EncodedString())
        #expect(garbage.status == 400 && garbage.json?["error"] as? String == "malformed-template")
        let quality = try await send(valid, template: "AAAA", quality: 101)
        #expect(quality.status == 400 && quality.json?["error"] as? String == "bad-quality")
        // Only the unreadable template was an attempt for a resident: audited, not counted.
        #expect(try await rig.audit().map(\.result) == ["malformed-template"])
        #expect(try await rig.verifier().verify(rig.request(try rig.enrolledResident(thumb: 1), thumb: 3)) == .notMatched(remainingAttempts: 4))
    }

    @Test func withoutASeededRegistryCentralAnswers503() async throws {
        let rig = try await IdentityRig(seeded: false)
        let number = try ResidentNumber("900101-1234568")
        do throws(IdentityVerificationError) {
            let verdict = try await rig.verifier().verify(IdentityVerificationRequest(
                kioskID: rig.kioskA, residentNumber: number, template: IdentityRig.template(thumb: 1), quality: 80, at: Date()))
            Issue.record("answered \(verdict) without a registry")
        } catch {
            #expect(error.description.contains("503 registry-not-seeded"))
        }
    }

    @Test func seedingTwiceNeedsReplace() async throws {
        let rig = try await IdentityRig()
        let again = try await rig.command(["registry", "seed", "--residents", "10"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already seeded"))
        let replaced = try await rig.command(["registry", "seed", "--residents", "10", "--replace", "--as-of", "2026-11-01"])
        #expect(replaced.status == 0)
        #expect(replaced.stdout.contains("enrolled: simulated thumb seed 1"))
    }

    @Test func enrolledListsTheSyntheticNumbersADemonstratorTypes() async throws {
        let rig = try await IdentityRig()
        let listed = try await rig.command(["registry", "enrolled", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count == 4)
        let first = try rig.enrolledResident(thumb: 1)
        let row = try requireValue(rows.first { $0["fingerSeed"] as? Int == 1 }, "no row for finger seed 1")
        let number = try ResidentNumber(row["residentNumber"] as? String ?? "")
        #expect(number == first.residentNumber)
        // The listed number verifies with that finger.
        #expect(try await rig.verifier().verify(IdentityVerificationRequest(
            kioskID: rig.kioskA, residentNumber: number, template: IdentityRig.template(thumb: 1), quality: 80, at: Date())).isVerified)
        let empty = try TemporaryDirectory(prefix: "central-empty")
        let none = try await runProcess(BuiltProducts.path("kiosk-central"), ["registry", "enrolled", "--database", empty.file("c.sqlite")])
        #expect(none.status != 0 && none.stderr.contains("no registry is seeded"))
    }

    @Test func anUnreachableOrSilentCentralIsBackendUnavailableNotAHang() async throws {
        let number = try ResidentNumber("900101-1234568")
        let request = IdentityVerificationRequest(kioskID: "k", residentNumber: number, template: [1, 2, 3], quality: 80, at: Date())
        // A port nobody listens on.
        let closed = PostgresServer.freePort()
        let refused = CentralIdentityVerifier(baseURL: "http://127.0.0.1:\(closed)", kioskID: "k", key: KioskSigningKey(), timeout: .seconds(2))
        await #expect(throws: IdentityVerificationError.self) { try await refused.verify(request) }
        // A listener that never answers: the timeout ends the request.
        let silent = try SilentListener()
        defer { silent.close() }
        let hanging = CentralIdentityVerifier(baseURL: "http://127.0.0.1:\(silent.port)", kioskID: "k", key: KioskSigningKey(), timeout: .seconds(1))
        do throws(IdentityVerificationError) {
            _ = try await hanging.verify(request)
            Issue.record("a silent central answered")
        } catch {
            guard case .backendUnavailable = error else {
                Issue.record("expected backendUnavailable, got \(error)")
                return
            }
        }
        let documents = CentralDocumentSource(baseURL: "http://127.0.0.1:\(silent.port)", kioskID: "k", key: KioskSigningKey(), timeout: .seconds(1))
        do throws(DocumentUnavailable) {
            _ = try await documents.content(for: DocumentRequest(code: "LD-LAND", identity: nil, key: "1", at: Date()))
            Issue.record("a silent central answered")
        } catch {
            guard case .backendDown = error else {
                Issue.record("expected backendDown, got \(error)")
                return
            }
        }
    }
}

extension IdentityVerdict {
    var isVerified: Bool {
        if case .verified = self { return true }
        return false
    }
}

/// A loopback TCP socket that listens (the kernel completes connections) but never reads or answers.
final class SilentListener: @unchecked Sendable {
    // @unchecked: `descriptor` and `port` are immutable after init.
    let descriptor: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 16) == 0 else {
            Glibc.close(fd)
            throw ChildProcess.Failure(description: "cannot listen: errno \(errno)")
        }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }
}
