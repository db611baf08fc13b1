import Foundation
import KioskTestSupport
import Testing

/// `kioskctl reader test` without `--driver` captures on kioskd's configured (here simulated) reader.
@Suite struct ReaderTestThroughKioskdTests {
    @Test func capturesAndReportsQualityAndMinutiae() async throws {
        let kiosk = try await RunningKiosk()
        let image = kiosk.folder.file("thumb.pgm")
        let answer = try #require(try await kiosk.ctlJSON(["reader", "test", "--save-image", image]) as? [String: Any])
        #expect(answer["width"] as? Int == 256 && answer["height"] as? Int == 180)
        #expect((answer["guidance"] as? [String])?.first == "placeFinger")
        #expect(answer["quality"] is Int && answer["minutiae"] is Int)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: image))
        #expect(bytes.starts(with: Data("P5".utf8)))
        #expect(bytes.count > 256 * 180)

        _ = try await kiosk.ctl(["simulate", "no-finger"])
        let timedOut = try await kiosk.ctl(["reader", "test", "--timeout", "0.2"])
        #expect(timedOut.status == 1)
        #expect(timedOut.stderr.contains("no finger placed before the timeout"))
        #expect(await kiosk.stop() == 0)
    }

    @Test func productionKioskRefusesToHandOutImages() async throws {
        let kiosk = try await RunningKiosk(production: true)
        let refused = try await kiosk.ctl(["reader", "test", "--save-image", kiosk.folder.file("x.pgm")])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("production mode"))
        #expect(!FileManager.default.fileExists(atPath: kiosk.folder.file("x.pgm")))
        #expect(await kiosk.stop() == 0)
    }
}
