import Synchronization

/// Events of one capture, handed out one by one to the stream's consumer.
private final class PendingEvents: Sendable {
    private let events = Mutex<[CaptureEvent]?>(nil)
    var isFilled: Bool { events.withLock { $0 != nil } }
    func fill(_ list: [CaptureEvent]) { events.withLock { $0 = list } }
    func next() -> CaptureEvent? { events.withLock { $0?.isEmpty == false ? $0!.removeFirst() : nil } }
}

/// A fingerprint reader simulated in process: after a short wait it "sees" a thumb and returns a
/// synthetic ridge image of the configured finger. Faults: `no-finger` (nothing placed: timeout),
/// `poor-image` (a faint image with guidance to press harder), `finger-not-recognised` (another
/// person's finger), `reader-unplugged` (noDevice).
public actor SimulatedFingerprintReader: FingerprintReader, FaultInjectable {
    public nonisolated let kind = DeviceKind.fingerprintReader
    private let fingerSeed: UInt64
    private let placeDelay: Duration
    private var faults: Set<SimulatedFault> = []
    private let broadcaster = StatusBroadcaster(initial: SimulatedFingerprintReader.status(for: []))

    /// A reader whose resident's thumb is generated from `fingerSeed`; the finger arrives after `placeDelay`.
    public init(fingerSeed: UInt64 = 1, placeDelay: Duration = .milliseconds(300)) {
        self.fingerSeed = fingerSeed
        self.placeDelay = placeDelay
    }

    public func status() -> DeviceStatus { broadcaster.latest }
    public nonisolated func statusEvents() -> AsyncStream<DeviceStatus> { broadcaster.subscribe() }

    public func setFault(_ fault: SimulatedFault, active: Bool) {
        guard fault.device == .fingerprintReader else { return }
        if active { faults.insert(fault) } else { faults.remove(fault) }
        broadcaster.publishIfChanged(Self.status(for: faults))
    }

    public func activeFaults() -> Set<SimulatedFault> { faults }

    public nonisolated func capture(timeout: Duration) -> AsyncThrowingStream<CaptureEvent, any Error> {
        let pending = PendingEvents()
        return AsyncThrowingStream(unfolding: {
            do {
                if !pending.isFilled { pending.fill(try await self.runCapture(timeout: timeout)) }
                return pending.next()
            } catch is CancellationError {
                throw CaptureFailure.cancelled
            }
        })
    }

    /// Waits as a resident would and returns the whole event sequence of one capture.
    private func runCapture(timeout: Duration) async throws -> [CaptureEvent] {
        if faults.contains(.readerUnplugged) { throw CaptureFailure.noDevice }
        if faults.contains(.noFinger) || placeDelay > timeout {
            try await Task.sleep(for: timeout)
            throw CaptureFailure.timeout
        }
        try await Task.sleep(for: placeDelay)
        if faults.contains(.poorImage) {
            return [.guidance(.placeFinger), .guidance(.holdStill), .guidance(.pressHarder),
                    .image(SyntheticThumb.image(seed: fingerSeed, contrast: 0.08))]
        }
        let seed = faults.contains(.fingerNotRecognised) ? fingerSeed &+ 7919 : fingerSeed
        return [.guidance(.placeFinger), .guidance(.holdStill), .guidance(.captured),
                .image(SyntheticThumb.image(seed: seed, contrast: 1))]
    }

    static func status(for faults: Set<SimulatedFault>) -> DeviceStatus {
        let details = DeviceDetails(conditions: faults.simulatedConditions)
        return faults.contains(.readerUnplugged)
            ? DeviceStatus(kind: .fingerprintReader, driver: "simulated", state: .noDevice, reason: "reader unplugged", details: details)
            : DeviceStatus(kind: .fingerprintReader, driver: "simulated", state: .online, details: details)
    }
}
