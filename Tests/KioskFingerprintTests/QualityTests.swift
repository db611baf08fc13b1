import KioskDevices
import KioskFingerprint
import Testing

/// Quality scores and guidance on the real capture and degraded versions of it.
@Suite struct QualityTests {
    @Test func theRealCaptureIsAcceptable() throws {
        let report = FingerprintQuality.assess(try Fixtures.nb1010Capture())
        print("quality nb1010 capture: score \(report.score), area \(report.foregroundArea), contrast \(report.contrast), clarity \(report.ridgeClarity), mean \(report.foregroundMean)")
        #expect(report.isAcceptable)
        #expect(report.score >= 60)
    }

    /// Each degraded capture scores low and gets the guidance that fixes it.
    @Test(arguments: [
        ("blank", CaptureGuidance.placeFinger),
        ("half-covered", .liftAndRetry),
        ("smeared", .pressLighter),
        ("low-contrast", .pressHarder),
    ])
    func degradedCapturesScoreLowWithTheRightGuidance(name: String, guidance: CaptureGuidance) throws {
        let capture = try Fixtures.nb1010Capture()
        let good = FingerprintQuality.assess(capture)
        let degraded: GrayImage = switch name {
        case "blank": ImageTransforms.blank(width: capture.width, height: capture.height)
        case "half-covered": ImageTransforms.partiallyCovered(capture, keep: 0.35)
        case "smeared": ImageTransforms.smeared(capture, radius: 4, darken: 0.45)
        default: ImageTransforms.lowContrast(capture, factor: 0.12)
        }
        let report = FingerprintQuality.assess(degraded)
        print("quality \(name): score \(report.score), area \(report.foregroundArea), contrast \(report.contrast), clarity \(report.ridgeClarity), mean \(report.foregroundMean), guidance \(String(describing: report.guidance))")
        #expect(report.guidance == guidance)
        #expect(report.score < good.score)
        #expect(report.score < QualityPolicy().minimumScore || name == "half-covered" || name == "smeared")
    }
}
