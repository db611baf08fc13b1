import Foundation
import KioskDevices
import KioskFingerprint
import Testing

/// 1:1 matching on real images: the NB-1010-U capture against transforms of itself (genuine) and
/// against the AES3500 capture and its transforms (impostor). Prints the score distributions.
@Suite struct MatchingTests {
    static func transforms(of image: GrayImage) -> [(String, GrayImage)] {
        [
            ("rotate +20°", ImageTransforms.rotated(image, degrees: 20)),
            ("rotate -20°", ImageTransforms.rotated(image, degrees: -20)),
            ("rotate +10°", ImageTransforms.rotated(image, degrees: 10)),
            ("shift +25,-15", ImageTransforms.shifted(image, dx: 25, dy: -15)),
            ("shift -30,+20", ImageTransforms.shifted(image, dx: -30, dy: 20)),
            ("crop 70% top-left", ImageTransforms.cropped(image, fraction: 0.7, originX: 0, originY: 0)),
            ("crop 70% centre", ImageTransforms.cropped(image, fraction: 0.7, originX: 0.5, originY: 0.5)),
            ("crop 70% bottom-right", ImageTransforms.cropped(image, fraction: 0.7, originX: 1, originY: 1)),
            ("noise σ=12", ImageTransforms.noised(image, sigma: 12, seed: 1)),
            ("noise σ=20", ImageTransforms.noised(image, sigma: 20, seed: 2)),
            ("rotate +15° shift +10,+10 noise σ=10",
             ImageTransforms.noised(ImageTransforms.shifted(ImageTransforms.rotated(image, degrees: 15), dx: 10, dy: 10), sigma: 10, seed: 3)),
        ]
    }

    @Test func genuineTransformsMatchAndImpostorsDoNot() throws {
        let extractor = MinutiaeExtractor()
        let matcher = MinutiaeMatcher()
        let capture = try Fixtures.nb1010Capture()
        let other = try Fixtures.aes3500Capture()
        let reference = extractor.template(from: capture)
        let otherReference = extractor.template(from: other)

        var genuine: [Double] = []
        for (name, image) in Self.transforms(of: capture) {
            let result = matcher.compare(extractor.template(from: image), reference)
            print("match genuine \(name): score \(format(result.score)), pairs \(result.pairedMinutiae), rotation \(format(result.rotationDegrees))°")
            #expect(result.isMatch, "nb1010 vs its \(name) must match (score \(result.score), pairs \(result.pairedMinutiae))")
            genuine.append(result.score)
        }
        var impostor: [Double] = []
        let impostorProbes = [("aes3500", other)] + Self.transforms(of: other).map { ("aes3500 \($0.0)", $0.1) }
        for (name, image) in impostorProbes {
            let probe = extractor.template(from: image)
            for (referenceName, enrolled) in [("nb1010", reference)] {
                let result = matcher.compare(probe, enrolled)
                print("match impostor \(name) vs \(referenceName): score \(format(result.score)), pairs \(result.pairedMinutiae)")
                #expect(!result.isMatch, "\(name) must not match \(referenceName) (score \(result.score))")
                impostor.append(result.score)
            }
        }
        for (name, image) in Self.transforms(of: capture) {
            let result = matcher.compare(extractor.template(from: image), otherReference)
            print("match impostor nb1010 \(name) vs aes3500: score \(format(result.score)), pairs \(result.pairedMinutiae)")
            #expect(!result.isMatch, "nb1010 \(name) must not match aes3500 (score \(result.score))")
            impostor.append(result.score)
        }
        print("match distribution genuine: \(summary(genuine)); impostor: \(summary(impostor)); threshold \(matcher.threshold)")
        #expect(genuine.min()! > impostor.max()!)
    }

    @Test func aTemplateMatchesItselfThroughTheISORecord() throws {
        let template = MinutiaeExtractor().template(from: try Fixtures.nb1010Capture())
        let decoded = try MinutiaeTemplate(isoRecord: template.isoRecord())
        let result = MinutiaeMatcher().compare(decoded, template)
        #expect(result.isMatch)
        #expect(result.pairedMinutiae == template.minutiae.count)
    }

    @Test func emptyTemplatesNeverMatch() {
        let empty = MinutiaeTemplate(width: 256, height: 180, horizontalResolution: 152, verticalResolution: 152, fingerQuality: 0, minutiae: [])
        #expect(!MinutiaeMatcher().compare(empty, empty).isMatch)
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }

    private func summary(_ scores: [Double]) -> String {
        let sorted = scores.sorted()
        return "n=\(sorted.count) min \(format(sorted.first!)) median \(format(sorted[sorted.count / 2])) max \(format(sorted.last!))"
    }
}
