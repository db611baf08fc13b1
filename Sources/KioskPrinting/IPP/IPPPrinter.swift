public import KioskDevices
public import Logging
public import ServiceLifecycle

/// A printer reached over IPP with libcups, straight to the device URI (IPP Everywhere printers,
/// or a CUPS queue's `ipp://host:631/printers/NAME`).
///
/// All libcups calls run on the printer's own `CUPSWorker` thread, one at a time; the actor only
/// awaits them, so nothing here blocks the cooperative pool, and a hung printer costs at most
/// `requestTimeout` per call. `run()` polls the printer every `pollInterval` and publishes each
/// change of status on `statusEvents()`.
///
/// Submissions are retried only when the printer answers `server-error-busy` (it did not take the
/// job); a submission that fails any other way is reported, never silently repeated, because the
/// printer may have the job already.
public actor IPPPrinter: DocumentPrinter, Service {
    /// Always `.printer`.
    public nonisolated let kind = DeviceKind.printer
    /// The configuration this printer was opened with.
    public nonisolated let configuration: IPPPrinterConfiguration
    private let worker: CUPSWorker
    private let broadcaster: StatusBroadcaster<DeviceStatus>
    private let logger: Logger

    /// A printer driver for `configuration.uri`. Does not contact the printer: the first `status()`
    /// or `run()` does. Throws when the configuration is invalid, naming the key.
    public init(configuration: IPPPrinterConfiguration, logger: Logger) throws(IPPPrinterConfigurationError) {
        let target = try configuration.validated()
        self.configuration = configuration
        self.logger = logger
        worker = CUPSWorker(target: target, connectTimeout: configuration.connectTimeout,
                            requestTimeout: configuration.requestTimeout, userName: configuration.userName)
        broadcaster = StatusBroadcaster(initial: DeviceStatus(
            kind: .printer, driver: "ipp", state: .offline, reason: "not contacted yet",
            details: DeviceDetails(paper: .unknown, toner: .unknown)))
    }

    /// Asks the printer now and returns its status (never throws; an unreachable or hung printer
    /// reads `offline` after at most the connect or request timeout). Publishes the status if it changed.
    public func status() async -> DeviceStatus {
        let media = configuration.media
        let tonerLow = configuration.tonerLowPercent
        let result = await worker.perform { connection in connection.printerAttributes() }
        let status: DeviceStatus
        switch result {
        case .success(let snapshot): status = snapshot.deviceStatus(media: media, tonerLowPercent: tonerLow)
        case .failure(.transport(let why)): status = PrinterSnapshot.unreachableStatus(why)
        case .failure(let failure): status = PrinterSnapshot.unreachableStatus("\(failure)")
        }
        if broadcaster.publishIfChanged(status) {
            logger.info("printer status changed", metadata: [
                "kiosk.printer.state": "\(status.state.rawValue)",
                "kiosk.printer.reason": "\(status.reason ?? "-")",
                "kiosk.printer.conditions": "\(status.details.conditions.joined(separator: ","))",
            ])
        }
        return status
    }

    /// The last status seen, without asking the printer.
    public nonisolated var latestStatus: DeviceStatus { broadcaster.latest }

    /// Every status change from now on (after the latest status); ends when `run()` ends.
    public nonisolated func statusEvents() -> AsyncStream<DeviceStatus> { broadcaster.subscribe() }

    /// Sends the PDF with `job.name` as the IPP job-name and returns the printer's job id once the
    /// printer accepted it. Busy printers are retried with backoff (`busyRetries`, `busyBackoff`);
    /// throws `.busy` when they stay busy, `.unreachable` when the printer does not answer (the status
    /// turns offline), `.rejected` when it refuses the job.
    public func submit(_ job: PrintJob) async throws(PrinterError) -> PrintJobID {
        var backoff = configuration.busyBackoff
        var attempt = 0
        while true {
            let name = job.name
            let document = job.document
            let copies = job.copies
            let result = await worker.perform { connection in connection.printJob(name: name, document: document, copies: copies) }
            switch result {
            case .success(let id):
                logger.info("print job submitted", metadata: [
                    "kiosk.printer.job": "\(id)", "kiosk.printer.jobName": "\(job.name)",
                    "kiosk.printer.attempts": "\(attempt + 1)",
                ])
                return PrintJobID(id)
            case .failure(.busy) where attempt < configuration.busyRetries:
                attempt += 1
                logger.debug("printer busy, retrying", metadata: ["kiosk.printer.attempt": "\(attempt)"])
                do { try await Task.sleep(for: backoff) } catch { throw .busy }
                backoff = min(backoff * 2, .seconds(2))
            case .failure(let failure):
                throw await printerError(failure, job: nil)
            }
        }
    }

    /// The job's state as the printer reports it. A job that is processing while the printer reports
    /// a blocking reason (paper out, cover open…) reads as `held` with those reasons; an aborted job
    /// carries the printer's blocking reasons (e.g. `media-jam`) and the job's own reasons.
    /// Works for any job this printer knows, also one submitted by an earlier process.
    public func jobState(_ id: PrintJobID) async throws(PrinterError) -> PrintJobState {
        try await jobState(id, issuedAs: nil)
    }

    /// Like `jobState(_:)`, but also checks that the printer's job `id` carries `name` (the job name
    /// the ledger recorded). A printer that restarted numbers its jobs from 1 again, so after a crash
    /// the same id may be another job: then this throws `.unknownJob`, and the issuance is not taken
    /// for printed.
    public func jobState(_ id: PrintJobID, issuedAs name: String?) async throws(PrinterError) -> PrintJobState {
        let jobID = id.rawValue
        let result = await worker.perform { connection -> Result<(IPPJobInfo, PrinterSnapshot?), IPPFailure> in
            switch connection.jobAttributes(jobID) {
            case .failure(let failure): return .failure(failure)
            case .success(let info):
                guard [5, 6, 8].contains(info.state) else { return .success((info, nil)) }
                return connection.printerAttributes().map { (info, $0) }
            }
        }
        switch result {
        case .success(let (info, _)) where name != nil && info.name != name:
            logger.warning("job id belongs to another job", metadata: [
                "kiosk.printer.job": "\(id)", "kiosk.printer.jobName": "\(info.name ?? "-")",
            ])
            throw .unknownJob(id)
        case .success(let (info, printer)): return Self.jobState(info, printer: printer)
        case .failure(let failure): throw await printerError(failure, job: id)
        }
    }

    /// The newest job the printer knows under `name`, or nil. For recovery after `submit` threw
    /// `.unreachable`: the printer may have received the whole job before it stopped answering, so
    /// the daemon asks for the job by its name (it carries the issuance number) before it refunds.
    public func jobID(named name: String) async throws(PrinterError) -> PrintJobID? {
        let result = await worker.perform { connection in
            connection.allJobs().map { jobs in jobs.filter { $0.name == name }.map(\.id).max() }
        }
        switch result {
        case .success(let id): return id.map(PrintJobID.init)
        case .failure(let failure): throw await printerError(failure, job: nil)
        }
    }

    /// Cancels a job that has not completed (a completed job stays completed).
    public func cancel(_ id: PrintJobID) async throws(PrinterError) {
        let jobID = id.rawValue
        let result = await worker.perform { connection in connection.cancelJob(jobID) }
        switch result {
        case .success:
            logger.info("print job canceled", metadata: ["kiosk.printer.job": "\(id)"])
        case .failure(.refused(let why)):
            // A job that already ended cannot be canceled; that is not an error for the caller.
            guard try await jobState(id).isTerminal else { throw .rejected(why) }
        case .failure(let failure):
            throw await printerError(failure, job: id)
        }
    }

    /// Polls `jobState` every `interval` until the job is completed, aborted or canceled, calling
    /// `onChange` with each new state (held with its reasons, processing…), and returns the final one.
    /// Throws when the printer stops answering; cancellation of the calling task ends the wait.
    public func waitForTerminalState(
        _ id: PrintJobID, interval: Duration = .milliseconds(100),
        onChange: @Sendable (PrintJobState) -> Void = { _ in }
    ) async throws(PrinterError) -> PrintJobState {
        var last: PrintJobState?
        while true {
            let state = try await jobState(id)
            if state != last {
                onChange(state)
                last = state
                logger.debug("print job state", metadata: ["kiosk.printer.job": "\(id)", "kiosk.printer.jobState": "\(state)"])
            }
            if state.isTerminal {
                _ = await status()
                return state
            }
            do { try await Task.sleep(for: interval) } catch { throw .unreachable("stopped waiting: task canceled") }
        }
    }

    /// Polls the printer every `pollInterval`, publishing status changes, until graceful shutdown or
    /// cancellation; then ends every `statusEvents()` stream.
    public func run() async throws {
        defer { broadcaster.finish() }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            _ = await status()
            try? await Task.sleep(for: configuration.pollInterval)
        }
    }

    // MARK: mapping

    static func jobState(_ info: IPPJobInfo, printer: PrinterSnapshot?) -> PrintJobState {
        let printerBlocking = PrinterStateReasons.normalized(printer?.reasons ?? [])
            .filter { PrinterStateReasons.blocking.contains($0) }
        let jobReasons = info.reasons.filter { $0 != "none" }
        switch info.state {
        case 3: return .pending
        case 4: return .held(reasons: jobReasons)
        case 5: return printerBlocking.isEmpty ? .processing : .held(reasons: printerBlocking)
        case 6: return .held(reasons: printerBlocking.isEmpty ? jobReasons : printerBlocking)
        case 7: return .canceled
        case 8: return .aborted(reasons: printerBlocking + jobReasons)
        case 9: return .completed
        default: return .pending
        }
    }

    /// Maps a failure to the protocol's error; a transport failure also marks the printer offline.
    private func printerError(_ failure: IPPFailure, job: PrintJobID?) async -> PrinterError {
        switch failure {
        case .busy: return .busy
        case .notFound: return job.map(PrinterError.unknownJob) ?? .rejected("printer answered not-found")
        case .refused(let why): return .rejected(why)
        case .transport(let why):
            let status = PrinterSnapshot.unreachableStatus(why)
            if broadcaster.publishIfChanged(status) {
                logger.warning("printer unreachable", metadata: ["kiosk.printer.reason": "\(why)"])
            }
            return .unreachable(why)
        }
    }
}
