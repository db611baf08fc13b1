import Foundation
import KioskCore
import KioskSync
import Testing

/// Ed25519 batch signatures and the key file.
@Suite struct SigningTests {
    static func entries(_ count: Int, kioskID: String = "k1") -> [LedgerEntry] {
        var out: [LedgerEntry] = []
        for index in 1...count {
            let record = LedgerRecord(
                kind: .paid, kioskID: kioskID, instant: LedgerInstant(utcMilliseconds: Int64(index) * 1000, uptimeNanoseconds: Int64(index)),
                documentCode: "RESIDENT-COPY", amount: Money(won: 200))
            out.append(LedgerEntry(sealing: record, sequence: Int64(index), entryID: UUID(), previousHash: out.last?.entryHash ?? .zero))
        }
        return out
    }

    @Test func signedBatchVerifiesOnlyWithItsKeyAndUnchanged() throws {
        let key = KioskSigningKey()
        let batch = key.signedBatch(kioskID: "k1", previousHash: .zero, entries: Self.entries(5))
        #expect(key.publicKey.verifies(batch))
        #expect(!KioskSigningKey().publicKey.verifies(batch))
        var renamed = batch
        renamed.kioskID = "k2"
        #expect(!key.publicKey.verifies(renamed))
        var dropped = batch
        dropped.entries.removeLast()
        #expect(!key.publicKey.verifies(dropped))
        var rehashed = batch
        rehashed.previousHash = SHA256Hash.of([1])
        #expect(!key.publicKey.verifies(rehashed))
        var garbled = batch
        garbled.signature = "AAAA"
        #expect(!key.publicKey.verifies(garbled))
    }

    @Test func batchSurvivesTheWireFormat() throws {
        let key = KioskSigningKey()
        let batch = key.signedBatch(kioskID: "k1", previousHash: .zero, entries: Self.entries(3))
        let data = try WireCoding.encoder().encode(batch)
        let decoded = try WireCoding.decoder().decode(LedgerBatch.self, from: data)
        #expect(decoded == batch)
        #expect(key.publicKey.verifies(decoded))
        #expect(decoded.entries.allSatisfy { $0.computedHash == $0.entryHash })
    }

    @Test func publicKeyParsing() throws {
        let key = KioskSigningKey().publicKey
        #expect(try KioskPublicKey(base64: key.base64) == key)
        #expect(throws: KioskKeyError.malformedPublicKey("abc")) { try KioskPublicKey(base64: "abc") }
        #expect(throws: KioskKeyError.self) { try KioskPublicKey(base64: Data(count: 31).base64EncodedString()) }
    }

    @Test func keyFileIsCreated0600AndNeverOverwritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-key-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/kiosk.key"
        let created = try KioskSigningKey.create(at: path)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let loaded = try KioskSigningKey(contentsOf: path)
        #expect(loaded.publicKey == created.publicKey)
        #expect(throws: KioskKeyError.exists(path: path)) { try KioskSigningKey.create(at: path) }
        #expect(try KioskSigningKey(contentsOf: path).publicKey == created.publicKey)
        chmod(path, 0o644)
        #expect(throws: KioskKeyError.tooOpen(path: path, mode: "644")) { try KioskSigningKey(contentsOf: path) }
        let garbage = folder + "/garbage.key"
        _ = FileManager.default.createFile(atPath: garbage, contents: Data("hello\n".utf8), attributes: [.posixPermissions: 0o600])
        #expect(throws: KioskKeyError.malformed(path: garbage)) { try KioskSigningKey(contentsOf: garbage) }
        #expect(throws: KioskKeyError.self) { try KioskSigningKey(contentsOf: folder + "/missing.key") }
    }
}
