public import KioskDevices
public import KioskUSB
public import Logging

/// The NEXT Biometrics NB-1010-U (298d:1010) as a `FingerprintReader`. A capture says "place
/// finger", polls the finger level every `pollInterval` until a finger is on (or the timeout),
/// says "hold still", reads the image, assesses its quality and says `captured` or the quality
/// guidance, then yields the image. The caller counts attempts (`attempts` in the configuration)
/// and wipes the image. A capture does not wait for the previous finger to lift: after
/// `liftAndRetry` the caller shows the guidance and starts the next capture when it wants one.
///
/// Errors end the stream with `CaptureFailure`: `.noDevice` when the reader is absent or was
/// unplugged (status `noDevice`), `.timeout` when no finger came, `.cancelled`, or `.deviceError`
/// naming the USB or protocol fault. After a fault the reader resets the device (or reopens it on
/// the next capture), so the next capture starts clean. The logger never receives image data.
public actor NB1010Reader: FingerprintReader {
    /// Opens the USB transport to the reader (a libusb handle, or a fake in tests).
    public typealias TransportOpener = @Sendable () async throws -> any USBTransport

    /// Always `.fingerprintReader`.
    public nonisolated let kind = DeviceKind.fingerprintReader
    private let configuration: FingerprintReaderConfiguration
    private let openTransport: TransportOpener
    private let logger: Logger
    private let broadcaster: StatusBroadcaster<DeviceStatus>
    private var transport: (any USBTransport)?
    private weak var activeSession: CaptureSession?

    /// A reader opened through `context` (the device matching the configuration's bus/address).
    public init(configuration: FingerprintReaderConfiguration, context: USBContext, logger: Logger) {
        let match = Self.match(configuration)
        self.init(configuration: configuration, logger: logger) { try await context.open(match) }
    }

    /// A reader whose transport comes from `openTransport` (tests pass a fake).
    public init(configuration: FingerprintReaderConfiguration, logger: Logger, openTransport: @escaping TransportOpener) {
        self.configuration = configuration
        self.openTransport = openTransport
        self.logger = logger
        broadcaster = StatusBroadcaster(initial: DeviceStatus(
            kind: .fingerprintReader, driver: "nb1010", state: .offline, reason: "not opened yet"))
    }

    /// The USB match for a configuration: 298d:1010, optionally on a bus and address.
    public static func match(_ configuration: FingerprintReaderConfiguration) -> USBDeviceMatch {
        USBDeviceMatch(
            vendorID: NB1010Protocol.vendorID, productID: NB1010Protocol.productID,
            bus: configuration.bus, address: configuration.address)
    }

    /// The latest status: `offline` before the first open, `online`, `noDevice` or `hardwareError`.
    public func status() -> DeviceStatus { broadcaster.latest }
    /// Every status change from now on (the current status first).
    public nonisolated func statusEvents() -> AsyncStream<DeviceStatus> { broadcaster.subscribe() }

    /// Opens the reader now (instead of at the first capture) and reports whether it is there.
    @discardableResult
    public func open() async -> DeviceStatus {
        _ = try? await ensureOpen()
        return broadcaster.latest
    }

    /// Closes the USB device; the next capture opens it again.
    public func close() async {
        await transport?.close()
        transport = nil
    }

    /// One capture: guidance events, then the image; ends with `CaptureFailure` otherwise (see the type's doc).
    public nonisolated func capture(timeout: Duration) -> AsyncThrowingStream<CaptureEvent, any Error> {
        let session = CaptureSession(deadline: ContinuousClock.now + timeout)
        return AsyncThrowingStream(unfolding: { try await self.step(session) })
    }

    /// Publishes `noDevice` / `online` as the reader leaves and arrives, by watching the bus until
    /// the calling task is cancelled (the daemon runs this as a service). Polls every `interval`.
    public func watchPresence(context: USBContext, interval: Duration = .seconds(1)) async throws {
        let match = Self.match(configuration)
        for try await event in context.presenceEvents(matching: match, interval: interval) {
            switch event {
            case .arrived(let device):
                logger.info("fingerprint reader arrived", metadata: ["kiosk.device": "\(device)"])
                if transport == nil { _ = try? await ensureOpen() }
            case .left(let device):
                logger.warning("fingerprint reader unplugged", metadata: ["kiosk.device": "\(device)"])
                await markUnplugged(reason: "reader unplugged (\(device))")
            }
        }
    }

    // MARK: - Capture steps

    private func step(_ session: CaptureSession) async throws -> CaptureEvent? {
        do {
            return try await advance(session)
        } catch {
            session.phase = .finished
            if activeSession === session { activeSession = nil }
            throw await failure(for: error)
        }
    }

    private func advance(_ session: CaptureSession) async throws -> CaptureEvent? {
        switch session.phase {
        case .start:
            if let active = activeSession, active !== session {
                throw CaptureFailure.deviceError("a capture is already running on this reader")
            }
            activeSession = session
            _ = try await ensureOpen()
            session.phase = .waitingForFinger
            return .guidance(.placeFinger)
        case .waitingForFinger:
            let driver = try await self.driver()
            while true {
                try Task.checkCancellation()
                if try await driver.fingerLevel() > NB1010Protocol.fingerPresentThreshold {
                    session.phase = .fingerOn
                    return .guidance(.holdStill)
                }
                guard ContinuousClock.now + configuration.pollInterval < session.deadline else { throw CaptureFailure.timeout }
                try await Task.sleep(for: configuration.pollInterval)
            }
        case .fingerOn:
            let driver = try await self.driver()
            try await driver.startCapture()
            let image = try await driver.readImage()
            let report = FingerprintQuality.assess(image, policy: configuration.quality)
            logger.debug("fingerprint captured", metadata: ["kiosk.quality": "\(report.score)"])
            session.image = image
            session.phase = .imageReady
            return .guidance(report.guidance ?? .captured)
        case .imageReady:
            session.phase = .finished
            activeSession = nil
            return session.takeImage().map(CaptureEvent.image)
        case .finished:
            if activeSession === session { activeSession = nil }
            return nil
        }
    }

    private func driver() async throws -> NB1010Driver {
        NB1010Driver(transport: try await ensureOpen(), transferTimeout: configuration.transferTimeout)
    }

    private func ensureOpen() async throws -> any USBTransport {
        if let transport { return transport }
        do {
            let opened = try await openTransport()
            transport = opened
            broadcaster.publishIfChanged(DeviceStatus(kind: .fingerprintReader, driver: "nb1010", state: .online))
            return opened
        } catch let error as USBError {
            let state: DeviceState = error.kind == .noDevice || error.kind == .notFound ? .noDevice : .hardwareError
            broadcaster.publishIfChanged(DeviceStatus(kind: .fingerprintReader, driver: "nb1010", state: state, reason: error.description))
            throw error
        }
    }

    private func markUnplugged(reason: String) async {
        await transport?.close()
        transport = nil
        broadcaster.publishIfChanged(DeviceStatus(kind: .fingerprintReader, driver: "nb1010", state: .noDevice, reason: reason))
    }

    /// Maps an error to the capture failure the caller sees, recovering the device on the way.
    private func failure(for error: any Error) async -> CaptureFailure {
        switch error {
        case let failure as CaptureFailure:
            return failure
        case is CancellationError:
            return .cancelled
        case let usb as USBError where usb.kind == .noDevice || usb.kind == .notFound:
            await markUnplugged(reason: usb.description)
            return .noDevice
        case let usb as USBError:
            logger.warning("fingerprint reader USB fault", metadata: ["kiosk.error": "\(usb)"])
            if usb.kind == .stall {
                try? await transport?.clearHalt(endpoint: NB1010Protocol.inEndpoint)
                try? await transport?.clearHalt(endpoint: NB1010Protocol.outEndpoint)
            } else {
                await recover()
            }
            return .deviceError(usb.description)
        case let protocolError as NB1010Error:
            logger.warning("fingerprint reader protocol fault", metadata: ["kiosk.error": "\(protocolError)"])
            await recover()
            return .deviceError(protocolError.description)
        default:
            return .deviceError(String(describing: error))
        }
    }

    /// Resets the device so queued image data is dropped; if that fails, closes it so the next capture reopens it.
    private func recover() async {
        guard let transport else { return }
        do {
            try await transport.reset()
        } catch {
            await transport.close()
            self.transport = nil
        }
    }
}
