public import Foundation

/// A printer simulated in process: each job's PDF lands in a spool folder as `<id>-<name>.pdf` when it
/// completes. Jobs take `printDuration`; paper-out and cover-open hold them, a jam aborts the job
/// being printed. Job ids and outcomes survive a restart through the spool folder, so crash recovery
/// can ask about a job the previous process submitted (an interrupted job reads as aborted).
public actor SimulatedPrinter: DocumentPrinter, FaultInjectable {
    private struct Job {
        var name: String
        var document: [UInt8]
        var state: PrintJobState
        var startedAt: ContinuousClock.Instant?
        var copies: Int
    }

    public nonisolated let kind = DeviceKind.printer
    private let spool: URL
    private let printDuration: Duration
    private let clock = ContinuousClock()
    private var jobs: [Int: Job] = [:]
    private var nextID: Int
    private var faults: Set<SimulatedFault> = []
    private let broadcaster: StatusBroadcaster<DeviceStatus>

    /// A printer spooling into `spool` (created if needed); each job takes `printDuration`.
    public init(spool: URL, printDuration: Duration = .milliseconds(300)) throws {
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        self.spool = spool
        self.printDuration = printDuration
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: spool.path)) ?? []
        let highest = existing.compactMap { name in Int(name.prefix { $0.isNumber }) }.max() ?? 0
        nextID = highest + 1
        broadcaster = StatusBroadcaster(initial: Self.status(for: []))
    }

    public func status() -> DeviceStatus {
        advance()
        return broadcaster.latest
    }

    public nonisolated func statusEvents() -> AsyncStream<DeviceStatus> { broadcaster.subscribe() }

    public func submit(_ job: PrintJob) throws(PrinterError) -> PrintJobID {
        advance()
        if faults.contains(.printerOffline) { throw .unreachable("simulated printer is offline") }
        let id = nextID
        nextID += 1
        do {
            try Data(job.document).write(to: partURL(id), options: .atomic)
        } catch {
            throw .rejected("cannot spool: \(error.localizedDescription)")
        }
        jobs[id] = Job(name: job.name, document: job.document, state: .pending, startedAt: nil, copies: job.copies)
        advance()
        return PrintJobID(id)
    }

    public func jobState(_ id: PrintJobID) throws(PrinterError) -> PrintJobState {
        if faults.contains(.printerOffline) { throw .unreachable("simulated printer is offline") }
        advance()
        if let job = jobs[id.rawValue] { return job.state }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: spool.path)) ?? []
        if files.contains(where: { $0.hasPrefix("\(id.rawValue)-") && $0.hasSuffix(".pdf") }) { return .completed }
        if files.contains("\(id.rawValue).part") { return .aborted(reasons: ["printer-restarted"]) }
        throw .unknownJob(id)
    }

    /// The newest job named `name`: one of this process, or a completed one in the spool (after a restart).
    public func jobID(named name: String) throws(PrinterError) -> PrintJobID? {
        if faults.contains(.printerOffline) { throw .unreachable("simulated printer is offline") }
        if let id = jobs.filter({ $0.value.name == name }).map(\.key).max() { return PrintJobID(id) }
        let safeName = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        let files = (try? FileManager.default.contentsOfDirectory(atPath: spool.path)) ?? []
        let ids = files.compactMap { file -> Int? in
            guard file.hasSuffix("-\(safeName).pdf"), let dash = file.firstIndex(of: "-") else { return nil }
            return Int(file[..<dash])
        }
        return ids.max().map(PrintJobID.init)
    }

    public func cancel(_ id: PrintJobID) throws(PrinterError) {
        advance()
        guard var job = jobs[id.rawValue] else { throw .unknownJob(id) }
        guard !job.state.isTerminal else { return }
        job.state = .canceled
        jobs[id.rawValue] = job
    }

    public func setFault(_ fault: SimulatedFault, active: Bool) {
        guard fault.device == .printer else { return }
        advance()
        if active { faults.insert(fault) } else { faults.remove(fault) }
        if active && fault == .jam {
            for (id, job) in jobs where job.state == .processing {
                jobs[id]?.state = .aborted(reasons: ["media-jam"])
            }
        }
        advance()
        broadcaster.publishIfChanged(Self.status(for: faults))
    }

    public func activeFaults() -> Set<SimulatedFault> { faults }

    /// The folder completed jobs are written to.
    public nonisolated var spoolFolder: URL { spool }

    private func partURL(_ id: Int) -> URL { spool.appendingPathComponent("\(id).part") }

    /// Moves jobs along: held while a fault blocks printing, processing one at a time, completed after `printDuration`.
    private func advance() {
        let now = clock.now
        let holdReasons = Self.holdReasons(faults)
        for id in jobs.keys.sorted() {
            guard var job = jobs[id], !job.state.isTerminal else { continue }
            if !holdReasons.isEmpty {
                job.state = .held(reasons: holdReasons)
                job.startedAt = nil
            } else if let started = job.startedAt {
                if now - started >= printDuration * job.copies {
                    job.state = .completed
                    complete(id: id, job: job)
                }
            } else if !jobs.values.contains(where: { $0.state == .processing }) {
                job.state = .processing
                job.startedAt = now
            } else {
                job.state = .pending
            }
            jobs[id] = job
        }
    }

    private func complete(id: Int, job: Job) {
        let safeName = job.name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
        let target = spool.appendingPathComponent("\(id)-\(String(safeName)).pdf")
        try? FileManager.default.moveItem(at: partURL(id), to: target)
    }

    private static func holdReasons(_ faults: Set<SimulatedFault>) -> [String] {
        var reasons: [String] = []
        if faults.contains(.paperOut) { reasons += ["media-empty", "media-needed"] }
        if faults.contains(.coverOpen) { reasons.append("cover-open") }
        if faults.contains(.jam) { reasons.append("media-jam") }
        return reasons
    }

    static func status(for faults: Set<SimulatedFault>) -> DeviceStatus {
        var details = DeviceDetails(paper: .ok, toner: .ok, coverOpen: false, jammed: false)
        details.conditions = holdReasons(faults)
        if faults.contains(.paperLow) { details.paper = .low; details.conditions.append("media-low") }
        if faults.contains(.paperOut) { details.paper = .empty }
        if faults.contains(.tonerLow) { details.toner = .low; details.conditions.append("toner-low") }
        if faults.contains(.coverOpen) { details.coverOpen = true }
        if faults.contains(.jam) { details.jammed = true }
        let (state, reason): (DeviceState, String?) =
            if faults.contains(.printerOffline) { (.offline, "printer does not answer") }
            else if faults.contains(.jam) { (.hardwareError, "paper jam") }
            else if faults.contains(.paperOut) { (.userError, "out of paper") }
            else if faults.contains(.coverOpen) { (.userError, "cover open") }
            else { (.online, nil) }
        details.conditions += faults.simulatedConditions
        return DeviceStatus(kind: .printer, driver: "simulated", state: state, reason: reason, details: details)
    }
}
