import KioskDevices
import KioskFingerprint
import KioskUSB
import Logging
import Testing

/// The NB-1010-U driver over a fake transport: the happy path, every fault, recovery afterwards.
@Suite struct NB1010ReaderTests {
    let image: GrayImage
    let device: FakeNB1010Device
    let reader: NB1010Reader

    init() throws {
        image = try Fixtures.nb1010Capture()
        let device = FakeNB1010Device(image: image)
        self.device = device
        reader = NB1010Reader(
            configuration: FingerprintReaderConfiguration(transferTimeout: .milliseconds(50), pollInterval: .milliseconds(1)),
            logger: Logger(label: "test"), openTransport: { try await device.open() })
    }

    /// Runs one capture and returns its events and the error it ended with.
    func capture(timeout: Duration = .seconds(30)) async -> (events: [CaptureEvent], failure: CaptureFailure?) {
        var events: [CaptureEvent] = []
        do {
            for try await event in reader.capture(timeout: timeout) { events.append(event) }
            return (events, nil)
        } catch let failure as CaptureFailure {
            return (events, failure)
        } catch {
            Issue.record("unexpected error type: \(error)")
            return (events, nil)
        }
    }

    func expectUsable(sourceLocation: SourceLocation = #_sourceLocation) async {
        await device.setFingerLevels([0xF7])
        let (events, failure) = await capture()
        #expect(failure == nil, sourceLocation: sourceLocation)
        #expect(events.last == .image(image), "the next capture gives the full image", sourceLocation: sourceLocation)
    }

    @Test func captureStreamsGuidanceThenTheImagePixelForPixel() async throws {
        let (events, failure) = await capture()
        #expect(failure == nil)
        #expect(events == [.guidance(.placeFinger), .guidance(.holdStill), .guidance(.captured), .image(image)])
        #expect(await device.fingerChecks == 3)
        #expect(await reader.status().state == .online)
    }

    @Test func noFingerBeforeTheTimeoutEndsWithTimeout() async {
        await device.setFingerLevels([0x05])
        let (events, failure) = await capture(timeout: .milliseconds(30))
        #expect(failure == .timeout)
        #expect(events == [.guidance(.placeFinger)])
        await expectUsable()
    }

    @Test func replyTimeoutIsADeviceErrorThatSaysSo() async {
        await device.inject(.replyTimeout)
        let (_, failure) = await capture()
        guard case .deviceError(let reason) = failure else { Issue.record("expected deviceError, got \(String(describing: failure))"); return }
        #expect(reason.contains("did not answer in time"))
        await expectUsable()
    }

    @Test func stallClearsTheHaltAndReportsIt() async {
        await device.inject(.stallAtChunk(10))
        let (_, failure) = await capture()
        guard case .deviceError(let reason) = failure else { Issue.record("expected deviceError, got \(String(describing: failure))"); return }
        #expect(reason.contains("stalled"))
        #expect(await device.clearedHalts.contains(0x83))
        await expectUsable()
    }

    @Test func shortReadIsReportedAndTheDeviceIsResetForTheNextCapture() async {
        await device.inject(.shortReadAtChunk(40))
        let (_, failure) = await capture()
        #expect(failure == .deviceError("short read during image chunk 41 of 90: 100 of 540 bytes arrived"))
        #expect(await device.resets == 1)
        await expectUsable()
    }

    @Test func garbageHeaderIsReportedAndTheDeviceIsReset() async {
        await device.inject(.garbageAtChunk(0))
        let (_, failure) = await capture()
        #expect(failure == .deviceError("unexpected reply during image chunk 1 of 90: header starts 0x80 0x99, expected 0x80 0x21"))
        #expect(await device.resets == 1)
        await expectUsable()
    }

    @Test func unplugMidImageReportsNoDeviceThenReplugRecovers() async {
        let statuses = reader.statusEvents()
        await device.inject(.unplugAtChunk(45))
        let (_, failure) = await capture()
        #expect(failure == .noDevice)
        #expect(await reader.status().state == .noDevice)
        let (_, whileUnplugged) = await capture()
        #expect(whileUnplugged == .noDevice)
        await device.replug()
        await expectUsable()
        #expect(await reader.status().state == .online)
        var seen: [DeviceState] = []
        for await status in statuses {
            if seen.last != status.state { seen.append(status.state) }
            if seen.count == 4 { break }
        }
        #expect(seen == [.offline, .online, .noDevice, .online])
    }

    @Test func cancellingWhileWaitingForAFingerEndsWithCancelledPromptly() async {
        await device.setFingerLevels([0x05])
        let reader = reader
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let task = Task { () -> CaptureFailure? in
            do {
                for try await event in reader.capture(timeout: .seconds(3600)) where event == .guidance(.placeFinger) {
                    startedContinuation.yield()
                }
                return nil
            } catch let failure as CaptureFailure {
                return failure
            } catch {
                return nil
            }
        }
        for await _ in started { break }
        task.cancel()
        #expect(await task.value == .cancelled)
        await expectUsable()
    }

    @Test func cancellingMidImageDrainsTheDeviceAndEndsWithCancelled() async {
        await device.setFingerLevels([0x05])
        let reader = reader
        let task = Task { () -> CaptureFailure? in
            do {
                for try await _ in reader.capture(timeout: .seconds(3600)) {}
                return nil
            } catch let failure as CaptureFailure {
                return failure
            } catch {
                return nil
            }
        }
        await device.onChunk(30) { task.cancel() }
        await device.setFingerLevels([0xF7])
        #expect(await task.value == .cancelled)
        #expect(await device.pendingChunks == 0, "the remaining chunks were drained")
        #expect(await device.resets == 0)
        await expectUsable()
    }

    @Test func everyTransferBufferIsWipedAfterTheCapture() async {
        let (events, _) = await capture()
        #expect(events.count == 4)
        let buffers = await device.handedBuffers
        #expect(buffers.count >= 90 + 5)
        #expect(buffers.allSatisfy { $0.isZeroed }, "chunk buffers must hold no fingerprint data after the capture")
    }

    @Test func aSecondConcurrentCaptureIsRefused() async throws {
        await device.setFingerLevels([0x05])
        let first = reader.capture(timeout: .seconds(3600))
        var iterator = first.makeAsyncIterator()
        #expect(try await iterator.next() == .guidance(.placeFinger))
        let (_, failure) = await capture()
        #expect(failure == .deviceError("a capture is already running on this reader"))
    }

    @Test func poorImageEndsWithGuidanceBeforeTheImage() async {
        let faint = ImageTransforms.lowContrast(image, factor: 0.12)
        let device = FakeNB1010Device(image: faint, fingerLevels: [0xF7])
        let reader = NB1010Reader(
            configuration: FingerprintReaderConfiguration(pollInterval: .milliseconds(1)),
            logger: Logger(label: "test"), openTransport: { try await device.open() })
        var events: [CaptureEvent] = []
        do { for try await event in reader.capture(timeout: .seconds(30)) { events.append(event) } } catch {
            Issue.record("capture failed: \(error)")
        }
        #expect(events == [.guidance(.placeFinger), .guidance(.holdStill), .guidance(.pressHarder), .image(faint)])
    }

    @Test func noReaderAtAllIsNoDevice() async {
        let reader = NB1010Reader(
            configuration: FingerprintReaderConfiguration(), logger: Logger(label: "test"),
            openTransport: { throw USBError(kind: .noDevice, operation: "open 298d:1010 (no such device connected)") })
        do {
            for try await _ in reader.capture(timeout: .seconds(1)) {}
            Issue.record("capture without a reader must fail")
        } catch {
            #expect(error as? CaptureFailure == .noDevice)
        }
        #expect(await reader.status().state == .noDevice)
    }
}

/// Driver selection by configuration name.
@Suite struct FingerprintDriversTests {
    @Test func unknownDriverNamesAreRejectedByName() throws {
        let context = try? USBContext()
        guard let context else {
            #expect(throws: USBError.self) { try USBContext() }
            return
        }
        #expect(throws: FingerprintDrivers.UnknownDriver(name: "aes3500")) {
            _ = try FingerprintDrivers.make(FingerprintReaderConfiguration(driver: "aes3500"), context: context, logger: Logger(label: "t"))
        }
        #expect("\(FingerprintDrivers.UnknownDriver(name: "x"))" == "unknown fingerprint driver \"x\" (known: nb1010)")
        let reader = try FingerprintDrivers.make(FingerprintReaderConfiguration(), context: context, logger: Logger(label: "t"))
        #expect(reader.kind == .fingerprintReader)
    }
}
