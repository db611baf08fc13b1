import Foundation
import KioskControl
import KioskDevices
import KioskFingerprint

/// The technician's reader test through kioskd: one capture on the configured reader, with the
/// guidance a resident gets, the quality score and the minutiae count. The image leaves kioskd only
/// when asked for and the kiosk is not in production mode; every buffer is wiped afterwards.
enum ReaderTest {
    enum Failure: Error, CustomStringConvertible {
        case refused(String)
        case capture(String)

        var description: String {
            switch self {
            case .refused(let reason), .capture(let reason): reason
            }
        }
    }

    static func run(
        reader: any FingerprintReader, driver: String, timeout: Duration, wantImage: Bool, production: Bool
    ) async throws(Failure) -> ReaderTestReport {
        if wantImage && production {
            throw .refused("saving fingerprint images is refused: the kiosk is in production mode")
        }
        var guidance: [String] = []
        var captured: GrayImage?
        do {
            for try await event in reader.capture(timeout: timeout) {
                switch event {
                case .guidance(let step): guidance.append(step.rawValue)
                case .image(let image): captured = image
                }
            }
        } catch {
            throw .capture("\(error)")
        }
        guard var image = captured else { throw .capture("the reader ended the capture without an image") }
        defer { image.wipe() }
        let quality = FingerprintQuality.assess(image)
        var template = MinutiaeExtractor().template(from: image, quality: quality.score)
        defer { template.wipe() }
        var pgm: String?
        if wantImage {
            var bytes = PGM.encode(image)
            pgm = Data(bytes).base64EncodedString()
            for index in bytes.indices { bytes[index] = 0 }
        }
        return ReaderTestReport(
            driver: driver, width: image.width, height: image.height, quality: quality.score,
            acceptable: quality.isAcceptable, guidance: guidance, minutiae: template.minutiae.count, pgmBase64: pgm)
    }
}
