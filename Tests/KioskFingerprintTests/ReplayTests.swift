import Foundation
import KioskDevices
import KioskFingerprint
import KioskUSB
import Logging
import Testing

/// The real-recording test: libfprint's NB-1010-U recording replayed by umockdev against the real
/// libusb stack. `kioskctl reader test --driver nb1010 --save-image` must produce `capture.pgm`
/// pixel for pixel.
@Suite struct ReplayTests {
    static let umockdevRun = "/usr/bin/umockdev-run"

    func replay(_ arguments: [String]) async throws -> Subprocess {
        let kioskctl = Fixtures.productsDirectory.appendingPathComponent("kioskctl").path
        try #require(FileManager.default.isExecutableFile(atPath: kioskctl), "build kioskctl first (swift build --build-tests builds it): \(kioskctl)")
        try #require(FileManager.default.isExecutableFile(atPath: Self.umockdevRun), "umockdev-run is missing: scripts/ensure-deps.sh fingerprint")
        let folder = Fixtures.nb1010.path
        return try await Subprocess.run(Self.umockdevRun, [
            "-d", "\(folder)/device", "-i", "/dev/bus/usb/001/003=\(folder)/capture.ioctl", "--", kioskctl,
        ] + arguments)
    }

    /// Runs in two roles: normally it starts this very test bundle under umockdev-run, filtered to
    /// this test, with `KIOSK_REPLAY_CHILD=1`; in that child the real libusb stack sees the
    /// recorded reader and the driver's image must equal `capture.pgm`.
    @Test func driverImageUnderReplayEqualsTheRecordingPixelForPixel() async throws {
        if ProcessInfo.processInfo.environment["KIOSK_REPLAY_CHILD"] == "1" {
            let context = try USBContext()
            let match = USBDeviceMatch(vendorID: 0x298d, productID: 0x1010)
            let found = try await context.devices(matching: match)
            #expect(found == [USBDeviceInfo(bus: 1, address: 3, vendorID: 0x298d, productID: 0x1010)])
            var presence = context.presenceEvents(matching: match, interval: .milliseconds(10)).makeAsyncIterator()
            #expect(try await presence.next() == .arrived(USBDeviceInfo(bus: 1, address: 3, vendorID: 0x298d, productID: 0x1010)))
            let reader = NB1010Reader(
                configuration: FingerprintReaderConfiguration(bus: 1, address: 3), context: context, logger: Logger(label: "replay"))
            var events: [CaptureEvent] = []
            for try await event in reader.capture(timeout: .seconds(30)) { events.append(event) }
            await reader.close()
            let expected = try Fixtures.nb1010Capture()
            guard case .image(let image)? = events.last else { Issue.record("no image: \(events)"); return }
            #expect(Array(events.dropLast()) == [.guidance(.placeFinger), .guidance(.holdStill), .guidance(.captured)])
            let differing = zip(image.pixels, expected.pixels).filter { $0 != $1 }.count
            #expect(image.width == 256 && image.height == 180 && differing == 0, "\(differing) pixels differ from capture.pgm")
            print("replay-child: driver image equals capture.pgm")
            return
        }
        try #require(FileManager.default.isExecutableFile(atPath: Self.umockdevRun), "umockdev-run is missing: scripts/ensure-deps.sh fingerprint")
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let folder = Fixtures.nb1010.path
        let environment = ["KIOSK_REPLAY_CHILD": "1"]
        let run = try await Subprocess.run(Self.umockdevRun, [
            "-d", "\(folder)/device", "-i", "/dev/bus/usb/001/003=\(folder)/capture.ioctl", "--", bundle,
            "--testing-library", "swift-testing", "--filter", "driverImageUnderReplayEqualsTheRecordingPixelForPixel",
        ], environment: environment)
        #expect(run.status == 0, "replayed test failed:\n\(run.standardOutput)\n\(run.standardError)")
        #expect(run.standardOutput.contains("replay-child: driver image equals capture.pgm"), "child output:\n\(run.standardOutput)")
    }

    @Test func kioskctlReaderTestSavesTheRecordedImagePixelForPixel() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let saved = directory.appendingPathComponent("capture.pgm").path

        let run = try await replay(["reader", "test", "--driver", "nb1010", "--save-image", saved])
        #expect(run.status == 0, "kioskctl failed: \(run.standardError)")
        print(run.standardOutput)
        #expect(run.standardOutput.contains("guidance: place your right thumb on the reader"))
        #expect(run.standardOutput.contains("guidance: hold still"))
        #expect(run.standardOutput.contains("image: 256×180"))

        let image = try PGM.decode(Array(Data(contentsOf: URL(fileURLWithPath: saved))))
        let expected = try Fixtures.nb1010Capture()
        #expect(image.width == 256 && image.height == 180)
        let differing = zip(image.pixels, expected.pixels).filter { $0 != $1 }.count
        #expect(differing == 0, "\(differing) pixels differ from capture.pgm")
    }

    @Test func kioskctlReaderTestReportsJSON() async throws {
        let run = try await replay(["reader", "test", "--driver", "nb1010", "--json"])
        #expect(run.status == 0, "kioskctl failed: \(run.standardError)")
        struct Answer: Decodable {
            var width: Int, height: Int, quality: Int, acceptable: Bool, guidance: [String], minutiae: Int
        }
        let answer = try JSONDecoder().decode(Answer.self, from: Data(run.standardOutput.utf8))
        #expect(answer.width == 256 && answer.height == 180)
        #expect(answer.acceptable)
        #expect(answer.guidance == ["placeFinger", "holdStill", "captured"])
        #expect(answer.minutiae >= 20)
    }

    @Test func saveImageIsRefusedInProductionMode() async throws {
        let run = try await replay(["reader", "test", "--driver", "nb1010", "--save-image", "/tmp/never-written.pgm", "--production"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("refusing to save a fingerprint image: the kiosk is in production mode"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written.pgm"))
    }

    @Test func withoutAReaderTheCommandSaysSo() async throws {
        let kioskctl = Fixtures.productsDirectory.appendingPathComponent("kioskctl").path
        // An empty umockdev testbed: no USB devices at all.
        let run = try await Subprocess.run(Self.umockdevRun, ["--", kioskctl, "reader", "test", "--driver", "nb1010", "--timeout", "1"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("no fingerprint reader connected"), "stderr: \(run.standardError)")
    }

    @Test func withoutDriverTheCommandGoesThroughKioskd() async throws {
        let kioskctl = Fixtures.productsDirectory.appendingPathComponent("kioskctl").path
        let run = try await Subprocess.run(kioskctl, ["reader", "test", "--socket", "/nonexistent/kioskd.sock"])
        #expect(run.status == 69)
        #expect(run.standardError.contains("kioskd is not reachable on /nonexistent/kioskd.sock"))
    }
}
