import ArgumentParser
import Foundation
import KioskConfig
import KioskControl
import KioskDevices
import KioskFingerprint
import KioskUSB
import Logging

/// `kioskctl reader test [--driver nb1010]`: captures once with the guidance a resident gets and
/// reports image size, quality score and minutiae count — through kioskd's configured reader, or with
/// `--driver` by opening the USB reader itself.
struct ReaderTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Capture one fingerprint and report image size, quality and minutiae count.",
        discussion: """
            Without --driver kioskd captures on its configured reader. With --driver the command opens
            the USB reader itself (kioskd must not hold it). --save-image is refused when the
            configuration (or --production) says the kiosk is in production mode. Exit 0 when an image was captured; 1 with the reason when there is no reader, no finger
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

    @Flag(help: "The kiosk is in production mode (refuses --save-image); also read from the configuration.")
    var production = false

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Option(name: .long, help: "Control socket path, when going through kioskd (default: from the configuration file).")
    var socket: String?

    @Option(name: .long, help: "Configuration file (default: etc/kiosk.toml, else /etc/kiosk/kiosk.toml).")
    var config: String?

    func validate() throws {
        guard let driver else { return }
        guard driver == "nb1010" else { throw ValidationError("unknown reader driver \"\(driver)\" (known: nb1010)") }
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds, got \(timeout)") }
        if let saveImage, !saveImage.hasSuffix(".pgm") {
            throw ValidationError("--save-image writes a binary PGM; give a path ending in .pgm, got \(saveImage)")
        }
    }

    /// Whether the kiosk is in production mode: `--production`, or the configuration says so.
    private var productionMode: Bool {
        let path = config ?? (FileManager.default.fileExists(atPath: "etc/kiosk.toml") ? "etc/kiosk.toml" : "/etc/kiosk/kiosk.toml")
        return production || ((try? KioskConfigurationLoader.load(path: path))?.kiosk.production ?? false)
    }

    func run() async throws {
        guard driver != nil else { return try throughKioskd() }
        let production = productionMode
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

    /// Asks kioskd to capture on its configured reader.
    private func throughKioskd() throws {
        var options = try ControlOptions.parse([])
        options.socket = socket
        options.config = config
        let arguments = ["timeout": String(timeout), "image": saveImage != nil ? "true" : "false"]
        let report = try options.send(ControlRequest(command: "reader-test", arguments: arguments), expecting: ReaderTestReport.self)
        if let saveImage, let base64 = report.pgmBase64, var bytes = Data(base64Encoded: base64) {
            defer { bytes.resetBytes(in: 0..<bytes.count) }
            do { try bytes.write(to: URL(fileURLWithPath: saveImage)) } catch { fail("cannot write \(saveImage): \(error.localizedDescription)") }
        }
        if json {
            let answer = ReaderTestAnswer(
                driver: report.driver, width: report.width, height: report.height, quality: report.quality,
                acceptable: report.acceptable, guidance: report.guidance, minutiae: report.minutiae, savedImage: saveImage)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(answer), as: UTF8.self))
        } else {
            for step in report.guidance { print("guidance: \(CaptureGuidance(rawValue: step).map(Self.text(for:)) ?? step)") }
            print("image: \(report.width)×\(report.height)")
            print("quality: \(report.quality)/100 (\(report.acceptable ? "acceptable" : "not acceptable"))")
            print("minutiae: \(report.minutiae)")
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
