/// A fingerprint reader. `capture(timeout:)` streams guidance while it waits for a finger and ends
/// with exactly one `.image`, or finishes by throwing a `CaptureFailure`. Cancelling the consuming
/// task cancels the capture promptly and leaves the reader usable. Images are never stored.
public protocol FingerprintReader: KioskDevice {
    /// Captures one image within `timeout`.
    func capture(timeout: Duration) -> AsyncThrowingStream<CaptureEvent, any Error>
}
