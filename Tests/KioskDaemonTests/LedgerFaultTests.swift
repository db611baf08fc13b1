import Foundation
import KioskCore
import KioskLedger
import KioskTestSupport
import Testing

/// The ledger failing under a running kioskd: the kiosk stops taking money, says why everywhere a
/// technician or the touchscreen looks, and keeps every entry it already wrote.
@Suite("Ledger faults through a running kioskd", .serialized)
struct LedgerFaultTests {
    @Test(
        "a full file system under the ledger: no more sessions (503 naming the ledger), out of service with the reason, entries kept",
        .enabled(if: geteuid() == 0, "mounting a small tmpfs under the kiosk's state folder needs root"))
    func fullFileSystem() async throws {
        let kiosk = try SessionKiosk()
        let state = kiosk.folder.path + "/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let small = try SmallFileSystem(mountedAt: state, megabytes: 4)
        defer { small.unmount() }

        try await kiosk.start()
        // One whole issuance while there is room.
        let (first, _) = try await kiosk.quoted("LD-LAND")
        #expect(try await kiosk.api("POST", "/sessions/\(first)/pay", #"{"method":"card"}"#).status == 202)
        let done = try await kiosk.waitFinished(first)
        #expect((done["documents"] as? [[String: Any]])?.first?["state"] as? String == "issued")
        let before = try await kiosk.entries()
        #expect(before.map(\.record.kind.rawValue) == ["card-approved", "paid", "printing", "issued"])

        // Then the file system fills up (as a log or a spool would fill it on a real kiosk).
        let filler = try small.fill(state + "/filler")
        #expect(filler > 0)

        // The next payment cannot be recorded: the kiosk must not keep the money and must stop.
        let (second, _) = try await kiosk.quoted("LD-LAND")
        let paying = try await kiosk.api("POST", "/sessions/\(second)/pay", #"{"method":"card"}"#)
        #expect(paying.status == 202 || paying.status == 503, "\(paying)")
        let ended = try await kiosk.waitFinished(second)
        let documents = ended["documents"] as? [[String: Any]] ?? []
        #expect(!documents.contains { $0["state"] as? String == "issued" }, "\(ended)")

        let refused = try await kiosk.api("POST", "/sessions")
        #expect(refused.status == 503)
        let message = refused.json["error"] as? String ?? ""
        #expect(message.contains("ledger \(kiosk.ledgerPath)") && message.contains("disk full"), "\(message)")

        let status = try await kiosk.ctlJSON(["status"]) as? [String: Any]
        #expect(status?["acceptingSessions"] as? Bool == false)
        let reason = status?["notAcceptingReason"] as? String ?? ""
        #expect(reason.hasPrefix("ledger: hardwareError: ledger \(kiosk.ledgerPath)") && reason.contains("disk full"), "\(reason)")
        let text = try await kiosk.ctl(["status"])
        #expect(text.stdout.contains("NOT accepting sessions: ledger: hardwareError"), "\(text.stdout)")

        let health = try await httpGet(kiosk.baseURL + "/healthz")
        let healthJSON = try JSONSerialization.jsonObject(with: Data(health.body.utf8)) as? [String: Any]
        #expect(health.status == 503, "a kiosk that cannot write its ledger is not healthy")
        #expect(healthJSON?["status"] as? String == "unavailable")
        #expect(healthJSON?["acceptingSessions"] as? Bool == false, "\(health.body)")
        #expect((healthJSON?["reason"] as? String)?.contains("disk full") == true, "\(health.body)")

        // Still refused after more attempts: the failure is remembered, the file is not touched again.
        #expect(try await kiosk.api("POST", "/sessions").status == 503)
        // Room again (the technician cleared the disk); kioskd still exits cleanly.
        try FileManager.default.removeItem(atPath: state + "/filler")
        #expect(await kiosk.stop() == 0)

        // Every entry written before the disk filled is there, the chain intact; nothing of the second
        // payment was recorded as paid.
        let after = try await kiosk.entries()
        #expect(Array(after.prefix(before.count)) == before)
        #expect(!after.dropFirst(before.count).contains { $0.record.kind == .paid })
        let ledger = try await Ledger.open(at: kiosk.ledgerPath, configuration: .init(readOnly: true))
        #expect(try await ledger.verify().isIntact)
        try ledger.close()
    }
}

/// A tmpfs of a few megabytes mounted over a folder for one test (needs root), to make a real
/// "no space left on device" under a running process.
struct SmallFileSystem {
    let path: String

    init(mountedAt path: String, megabytes: Int) throws {
        self.path = path
        try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0755", "tmpfs", path])
    }

    /// Writes zeros to a new file at `file` until the file system refuses; returns the bytes written.
    func fill(_ file: String) throws -> Int {
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file]) }
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while true {
            let written = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            total += written
        }
        guard errno == ENOSPC else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file]) }
        return total
    }

    func unmount() {
        try? Self.run("/bin/umount", [path])
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: "\(executable) \(arguments) failed"])
        }
    }
}
