import Foundation
import GRDB
import KioskCore
import KioskLedger
import Testing

@Suite("Ledger failures: full disk, read-only file, corruption, tampering")
struct LedgerFailureTests {
    @Test("a full disk (max_page_count) fails appends with diskFull and loses nothing written")
    func diskFull() async throws {
        let fixture = try LedgerFixture()
        var ledger = try Ledger(path: fixture.path)
        try await ledger.append(LedgerFixture.record(.paid, amount: 1))
        try ledger.close()
        ledger = try Ledger(path: fixture.path, configuration: .init(maximumPageCount: 12))
        #expect(try await ledger.durability().maximumPageCount == 12)
        var written: [LedgerEntry] = []
        var failure: LedgerError?
        for index in 0..<5_000 {
            do {
                written.append(try await ledger.append(
                    LedgerFixture.record(.paid, code: String(repeating: "D", count: 200), amount: index, at: Int64(index))))
            } catch {
                failure = error
                break
            }
        }
        #expect(failure == .diskFull(path: fixture.path))
        #expect(failure?.stopsTakingMoney == true)
        #expect(written.count > 0)
        // Every entry appended before the failure is still there, and the chain is intact.
        #expect(try await ledger.count() == Int64(written.count + 1))
        #expect(try await ledger.verify().isIntact)
        try ledger.close()
        // With room again, appending continues the same chain.
        ledger = try Ledger(path: fixture.path)
        let next = try await ledger.append(LedgerFixture.record(.cashCollected))
        #expect(next.sequence == Int64(written.count + 2))
        #expect(next.previousHash == written.last!.entryHash)
        #expect(try await ledger.verify().isIntact)
    }

    @Test("an append from a cancelled task (shutdown) writes nothing, is not a ledger fault, and the next append chains on")
    func cancelledAppend() async throws {
        let fixture = try LedgerFixture()
        let ledger = try Ledger(path: fixture.path)
        try await ledger.append(LedgerFixture.record(.paid, amount: 1))
        let outcome = await Task { () async -> LedgerError? in
            withUnsafeCurrentTask { $0?.cancel() }
            do throws(LedgerError) {
                try await ledger.append(LedgerFixture.record(.printing))
                return nil
            } catch {
                return error
            }
        }.value
        #expect(outcome == .cancelled(path: fixture.path))
        #expect(outcome?.stopsTakingMoney == false)
        #expect(try await ledger.count() == 1, "nothing of the cancelled append was written")
        let next = try await ledger.append(LedgerFixture.record(.issued))
        #expect(next.sequence == 2)
        #expect(try await ledger.verify().isIntact)
    }

    @Test("a read-only file fails appends with readOnly and keeps its entries readable")
    func readOnlyFile() async throws {
        let fixture = try LedgerFixture()
        var ledger = try Ledger(path: fixture.path)
        let written = try await ledger.append((0..<3).map { LedgerFixture.record(.paid, amount: 100, at: Int64($0)) })
        try ledger.close()

        let protection = try ReadOnlyProtection(paths: [fixture.path])
        defer { protection.lift() }
        do {
            ledger = try Ledger(path: fixture.path)
        } catch {
            // Opening may already refuse: that must be the read-only error, not anything vaguer.
            #expect(error == .readOnly(path: fixture.path))
            ledger = try Ledger(path: fixture.path, configuration: .init(readOnly: true))
        }
        await #expect(throws: LedgerError.readOnly(path: fixture.path)) {
            try await ledger.append(LedgerFixture.record(.cashCollected))
        }
        #expect(try await ledger.entries(after: 0, limit: 10) == written)
        #expect(try await ledger.verify().isIntact)
    }

    @Test("a ledger in a read-only directory is reported read-only, not as a vague open failure")
    func readOnlyDirectory() async throws {
        let fixture = try LedgerFixture()
        let ledger = try Ledger(path: fixture.path)
        try await ledger.append(LedgerFixture.record(.paid, amount: 100))
        try ledger.close()
        let protection = try ReadOnlyProtection(paths: [fixture.path, fixture.directory.path])
        defer { protection.lift() }
        #expect(throws: LedgerError.readOnly(path: fixture.path)) { try Ledger(path: fixture.path) }
    }

    @Test("a file that is not a ledger database is reported corrupt")
    func corruptFile() async throws {
        let fixture = try LedgerFixture()
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        try garbage.write(to: URL(fileURLWithPath: fixture.path))
        #expect {
            _ = try Ledger(path: fixture.path)
        } throws: { error in
            guard case .corrupt(let path, _) = error as? LedgerError else { return false }
            return path == fixture.path
        }
    }

    @Test("a flipped byte in an old entry is named by verify")
    func flippedByte() async throws {
        let fixture = try LedgerFixture()
        var ledger = try Ledger(path: fixture.path)
        for index in 1...50 {
            try await ledger.append(LedgerFixture.record(.paid, code: String(format: "DOC-%04d", index), amount: 100, at: Int64(index)))
        }
        try ledger.close()

        // Change one character of entry 17's document code in the file itself: "DOC-0017" → "DOC-0018".
        var bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
        let needle = Data("DOC-0017".utf8)
        let range = try #require(bytes.range(of: needle))
        bytes[range.upperBound - 1] = UInt8(ascii: "8")
        try bytes.write(to: URL(fileURLWithPath: fixture.path))

        ledger = try Ledger(path: fixture.path, configuration: .init(readOnly: true))
        let verification = try await ledger.verify()
        #expect(verification.problem == .contentHashMismatch(sequence: 17))
        #expect(verification.checkedEntries == 16)
        #expect(verification.problem?.description.contains("entry 17") == true)
        // The tail check at start does not see an old alteration, but a recent one is caught.
        #expect(try await ledger.verifyTail(10).isIntact)
        #expect(try await ledger.verifyTail(34).problem == .contentHashMismatch(sequence: 17))
    }

    @Test("rewriting an entry's hash and the next entry's link still leaves the altered entry named")
    func alteredHash() async throws {
        let fixture = try LedgerFixture()
        var ledger = try Ledger(path: fixture.path)
        let entries = try await ledger.append((1...10).map { LedgerFixture.record(.paid, amount: 100, at: Int64($0)) })
        try ledger.close()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
        // Entry 5's hash is stored twice: as its own hash and as entry 6's previous hash. Alter both.
        let needle = Data(entries[4].entryHash.bytes)
        var found = 0
        while let range = bytes.range(of: needle) {
            bytes[range.lowerBound] ^= 0x01
            found += 1
        }
        #expect(found == 2)
        try bytes.write(to: URL(fileURLWithPath: fixture.path))
        ledger = try Ledger(path: fixture.path, configuration: .init(readOnly: true))
        #expect(try await ledger.verify().problem == .contentHashMismatch(sequence: 5))
    }
}

/// Makes files and directories read-only for the current user. As root, permission bits do not stop
/// writes, so they are made immutable with `chattr +i` (needs CAP_LINUX_IMMUTABLE); otherwise their
/// permission bits are cleared of write access.
struct ReadOnlyProtection {
    let paths: [String]
    let immutable: Bool

    init(paths: [String]) throws {
        self.paths = paths
        immutable = geteuid() == 0
        for path in paths {
            if immutable {
                try Self.chattr("+i", path)
            } else {
                let isDirectory = (try? URL(fileURLWithPath: path).resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
                try FileManager.default.setAttributes([.posixPermissions: isDirectory ? 0o555 : 0o444], ofItemAtPath: path)
            }
        }
    }

    func lift() {
        for path in paths.reversed() {
            if immutable {
                try? Self.chattr("-i", path)
            } else {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            }
        }
    }

    private static func chattr(_ flag: String, _ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
