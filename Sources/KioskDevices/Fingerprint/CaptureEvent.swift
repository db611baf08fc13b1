/// What the resident is told while a capture is running.
public enum CaptureGuidance: String, Sendable, Codable, CaseIterable {
    /// Put the right thumb on the sensor.
    case placeFinger
    /// A finger is on the sensor; keep it still.
    case holdStill
    /// Lift the finger and place it again.
    case liftAndRetry
    /// Too faint: press a little harder.
    case pressHarder
    /// Smeared or too dark: press more lightly.
    case pressLighter
    /// The image has been taken; lift the finger.
    case captured
}

/// One step of a capture: guidance for the resident, then finally the image.
public enum CaptureEvent: Sendable, Equatable {
    case guidance(CaptureGuidance)
    /// The captured image; the last event of a successful capture.
    case image(GrayImage)
}

/// Why a capture ended without an image.
public enum CaptureFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// No finger was placed (or no usable image came) before the timeout.
    case timeout
    /// The capture was cancelled (the resident left, the session ended).
    case cancelled
    /// No reader is connected.
    case noDevice
    /// The reader answered something unexpected or the transfer failed.
    case deviceError(String)

    public var description: String {
        switch self {
        case .timeout: "no finger placed before the timeout"
        case .cancelled: "capture cancelled"
        case .noDevice: "no fingerprint reader connected"
        case .deviceError(let reason): "fingerprint reader error: \(reason)"
        }
    }
}
