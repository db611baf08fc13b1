import Foundation
import KioskDevices
import KioskFingerprint

/// Fingerprint benchmarks (issue 7): capture-to-template time on the recorded NB-1010-U image
/// (quality assessment + minutiae extraction + ISO record; target < 50 ms) and 1:1 matches per second.
func fingerprintBenchmarks() async throws -> [BenchFigure] {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/fingerprint/nb1010/capture.pgm")
    let image = try PGM.decode(Array(Data(contentsOf: path)))
    let extractor = MinutiaeExtractor()
    var records = 0
    let rounds = 20
    let seconds = measureSeconds {
        for _ in 0..<rounds {
            let report = FingerprintQuality.assess(image)
            var template = extractor.template(from: image, quality: report.score)
            records += template.isoRecord().count
            template.wipe()
        }
    }
    precondition(records > 0)
    let reference = extractor.template(from: image)
    let probe = try MinutiaeTemplate(isoRecord: extractor.template(from: image).isoRecord())
    var matched = 0
    let matches = 200
    let matchSeconds = measureSeconds {
        for _ in 0..<matches where MinutiaeMatcher().compare(probe, reference).isMatch { matched += 1 }
    }
    precondition(matched == matches, "the recorded image must match itself")
    return [
        BenchFigure(name: "fingerprint capture-to-template", value: seconds / Double(rounds) * 1000, unit: "ms"),
        BenchFigure(name: "fingerprint 1:1 matches", value: Double(matches) / matchSeconds, unit: "matches/s"),
    ]
}
