import KioskDevices
import Synchronization

/// The progress of one capture stream. Touched only from `NB1010Reader`'s actor; the mutex makes
/// the class Sendable so the stream's closure can hold it.
final class CaptureSession: Sendable {
    enum Phase: Sendable {
        case start, waitingForFinger, fingerOn, imageReady, finished
    }

    private struct State {
        var phase = Phase.start
        var image: GrayImage?
    }

    let deadline: ContinuousClock.Instant
    private let state = Mutex(State())

    init(deadline: ContinuousClock.Instant) {
        self.deadline = deadline
    }

    var phase: Phase {
        get { state.withLock { $0.phase } }
        set { state.withLock { $0.phase = newValue } }
    }

    var image: GrayImage? {
        get { state.withLock { $0.image } }
        set { state.withLock { $0.image = newValue } }
    }

    /// Hands the image over and forgets it.
    func takeImage() -> GrayImage? {
        state.withLock { state in
            defer { state.image = nil }
            return state.image
        }
    }

    deinit {
        // A stream dropped before its image was taken: wipe the image nobody will use.
        state.withLock { state in state.image?.wipe() }
    }
}
