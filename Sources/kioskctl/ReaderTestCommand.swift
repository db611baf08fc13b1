import ArgumentParser
import Foundation
import KioskDevices
import KioskFingerprint
import KioskUSB
import Logging

/// `kioskctl reader test --driver nb1010`: opens the reader itself, captures once with the guidance
/// a resident gets, and reports image size, quality score and minutiae count.
struct ReaderTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Capture one fingerprint and report image size, quality and minutiae count.",
        discussion: """
            With --driver the command opens the USB reader itself (kioskd must not hold it).
            Exit 0 when an image was captured; 1 with the reason when there is no reader, no finger
            before the timeout, or a USB fault.
            """
    )

    @Option(help: "The reader driver: nb1010 (opens the device directly, no kioskd needed).")
    var driver: String?

    @Option(help: "USB bus of the reader, when more than one is connected.")
    var bus: UInt8?

    @Option(help: "USB address of the reader, when more than one is connected.")
    var address: UInt8?

    @Option(help: "Seconds to wait for a finger.")
    var timeout: Double = 20

    @Option(name: .customLong("save-image"), help: "Write the captured image as a binary PGM (developer flag; refused in production mode).")
    var saveImage: String?

    @Flag(help: "The kiosk is in production mode (refuses --save-image).")
    var production = false

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        guard let driver else {
            throw ValidationError("reader test needs --driver until the daemon wires the reader (try --driver nb1010)")
        }
        guard driver == "nb1010" else { throw ValidationError("unknown reader driver \"\(driver)\" (known: nb1010)") }
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds, got \(timeout)") }
        if let saveImage, !saveImage.hasSuffix(".pgm") {
            throw ValidationError("--save-image writes a binary PGM; give a path ending in .pgm, got \(saveImage)")
        }
    }

    func run() async throws {
        let dump = DebugImageDump(enabled: saveImage != nil, production: production)
        if saveImage != nil {
            do { try dump.authorise() } catch { fail("\(error)") }
        }
        let context: USBContext
        do { context = try USBContext() } catch { fail("\(error)") }
        let configuration = FingerprintReaderConfiguration(driver: "nb1010", bus: bus, address: address)
        let reader = NB1010Reader(configuration: configuration, context: context, logger: Logger(label: "kioskctl.reader"))
        var guidance: [CaptureGuidance] = []
        var captured: GrayImage?
        do {
            for try await event in reader.capture(timeout: .milliseconds(Int(timeout * 1000))) {
                switch event {
                case .guidance(let step):
                    guidance.append(step)
                    if !json { print("guidance: \(Self.text(for: step))") }
                case .image(let image):
                    captured = image
                }
            }
        } catch {
            await reader.close()
            fail("\(error)")
        }
        await reader.close()
        guard var image = captured else { fail("the reader ended the capture without an image") }
        defer { image.wipe() }
        let report = FingerprintQuality.assess(image, policy: configuration.quality)
        var template = MinutiaeExtractor().template(from: image, quality: report.score)
        defer { template.wipe() }
        if let saveImage {
            do { try dump.write(image, to: saveImage) } catch { fail("\(error)") }
        }
        if json {
            let answer = ReaderTestAnswer(
                driver: "nb1010", width: image.width, height: image.height, quality: report.score,
                acceptable: report.isAcceptable, guidance: guidance.map(\.rawValue),
                minutiae: template.minutiae.count, savedImage: saveImage)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(answer), as: UTF8.self))
        } else {
            print("image: \(image.width)×\(image.height)")
            print("quality: \(report.score)/100 (\(report.isAcceptable ? "acceptable" : "not acceptable"))")
            print("minutiae: \(template.minutiae.count)")
            if let saveImage { print("saved: \(saveImage)") }
        }
    }

    /// Prints the reason on standard error and exits 1.
    private func fail(_ reason: String) -> Never {
        FileHandle.standardError.write(Data("kioskctl reader test: \(reason)\n".utf8))
        Foundation.exit(ExitCode.operationFailed.rawValue)
    }

    static func text(for guidance: CaptureGuidance) -> String {
        switch guidance {
        case .placeFinger: "place your right thumb on the reader"
        case .holdStill: "hold still"
        case .liftAndRetry: "lift your thumb and place it again"
        case .pressHarder: "press a little harder"
        case .pressLighter: "press more lightly"
        case .captured: "captured, lift your thumb"
        }
    }
}

/// The `--json` answer of `kioskctl reader test`.
struct ReaderTestAnswer: Codable {
    var driver: String
    var width: Int
    var height: Int
    var quality: Int
    var acceptable: Bool
    var guidance: [String]
    var minutiae: Int
    var savedImage: String?
}
