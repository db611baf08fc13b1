public import KioskDevices

/// Scores captures (NFIQ-like: foreground area, contrast, ridge clarity) and picks the guidance.
public enum FingerprintQuality {
    /// Assesses `image` under `policy`.
    public static func assess(_ image: GrayImage, policy: QualityPolicy = QualityPolicy()) -> QualityReport {
        var field = RidgeField(image)
        defer { field.wipe() }
        return assess(field, policy: policy)
    }

    static func assess(_ field: RidgeField, policy: QualityPolicy) -> QualityReport {
        var foregroundBlocks = 0
        var deviation: Double = 0, clarity: Double = 0, mean: Double = 0
        for index in field.covered.indices where field.covered[index] {
            foregroundBlocks += 1
            deviation += Double(field.deviation[index])
            clarity += Double(field.coherence[index])
            mean += Double(field.mean[index])
        }
        let area = Double(foregroundBlocks) / Double(field.covered.count)
        let contrast = foregroundBlocks == 0 ? 0 : min(1, deviation / Double(foregroundBlocks) / 64)
        let ridgeClarity = foregroundBlocks == 0 ? 0 : clarity / Double(foregroundBlocks)
        let foregroundMean = foregroundBlocks == 0 ? 255 : mean / Double(foregroundBlocks)
        let areaFactor = min(1, area / 0.6), contrastFactor = min(1, contrast / 0.5), clarityFactor = min(1, ridgeClarity / 0.45)
        let score = Int((100 * areaFactor * contrastFactor * clarityFactor).rounded())

        // A low-contrast print is faint when light (too little pressure, dry finger) and smeared
        // when dark (too much pressure, wet finger); a dark print without clear ridges is smeared too.
        let dark = foregroundMean < policy.darkMean
        let guidance: CaptureGuidance?
        if area < policy.noFingerArea {
            guidance = .placeFinger
        } else if contrast < policy.minimumContrast {
            guidance = dark ? .pressLighter : .pressHarder
        } else if ridgeClarity < policy.minimumClarity && dark {
            guidance = .pressLighter
        } else if area < policy.partialArea || ridgeClarity < policy.minimumClarity || score < policy.minimumScore {
            guidance = .liftAndRetry
        } else {
            guidance = nil
        }
        return QualityReport(
            score: score, foregroundArea: area, contrast: contrast, ridgeClarity: ridgeClarity,
            foregroundMean: foregroundMean, guidance: guidance)
    }
}
