import Foundation
import KioskDevices
import KioskFingerprint
import Testing

/// Images reach the disk only through the developer flag, never in production mode.
@Suite struct DebugImageDumpTests {
    let image = GrayImage(width: 2, height: 2, pixels: [0, 64, 128, 255])

    @Test func productionModeRefusesEvenWithTheFlag() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dump-\(UUID().uuidString).pgm").path
        #expect(throws: DebugImageDump.Failure.refusedInProduction) {
            try DebugImageDump(enabled: true, production: true).write(image, to: path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func withoutTheFlagNothingIsWritten() {
        #expect(throws: DebugImageDump.Failure.notEnabled) {
            try DebugImageDump(enabled: false, production: false).write(image, to: "/tmp/never.pgm")
        }
    }

    @Test func withTheFlagOutsideProductionItWritesAPrivatePGM() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dump-\(UUID().uuidString).pgm").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try DebugImageDump(enabled: true, production: false).write(image, to: path)
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(try PGM.decode(bytes) == image)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(arguments: [
        (Array("P2\n2 2\n255\n".utf8), "not a binary PGM: it does not start with P5"),
        (Array("P5\n2 2\n65535\n".utf8), "not a binary PGM: maximum value 65535 (only 255 is supported)"),
        (Array("P5\n2 2\n255\n".utf8) + [1, 2], "not a binary PGM: raster has 2 bytes, needs 4"),
        (Array("P5\n# comment\n".utf8), "not a binary PGM: missing width"),
    ])
    func malformedPGMsAreRejectedByName(bytes: [UInt8], message: String) {
        do {
            _ = try PGM.decode(bytes)
            Issue.record("decoding must fail")
        } catch {
            #expect(error.description == message)
        }
    }
}
