import KioskTestSupport
import KioskCore
import Foundation
import KioskDevices
import KioskPrinting
import Logging
import Testing

/// Against a real ippeveprinter: each test starts its own on a free port, so they run in parallel.
@Suite("IPP printer against ippeveprinter", .timeLimit(.minutes(1)))
struct IPPPrinterTests {
    static let renderer = try! DocumentRenderer()
    static let logger = Logger(label: "kiosk.printer.test", factory: { _ in SwiftLogNoOpLogHandler() })

    private func printer(_ peer: IPPEvePrinterPeer, busyRetries: Int = 20,
                         requestTimeout: Duration = .seconds(3)) throws -> IPPPrinter {
        try IPPPrinter(configuration: IPPPrinterConfiguration(
            uri: peer.uri, pollInterval: .milliseconds(50), connectTimeout: .seconds(1), requestTimeout: requestTimeout,
            busyRetries: busyRetries, busyBackoff: .milliseconds(50)), logger: Self.logger)
    }

    private func job(_ number: String, reprint: Int = 0) throws -> (PrintJob, RenderedDocument) {
        let rendered = try Self.renderer.render(SampleDocumentProvider.document(.residentRegistrationCopy, issuanceNumber: number))
        return (.issuance(number: number, document: rendered, reprint: reprint), rendered)
    }

    /// Polls `condition` up to 200 times, 25 ms apart; true once it holds.
    private func eventually(_ condition: () async throws -> Bool) async rethrows -> Bool {
        for _ in 0..<200 {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(25))
        }
        return false
    }

    @Test("a document prints and the spool holds the exact PDF")
    func printsExactPDF() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let printer = try printer(peer)
        let status = await printer.status()
        #expect(status.state == .online)
        #expect(status.canPrintDocuments)
        #expect(status.details.paper == .ok)
        let (job, rendered) = try job("1111-2222-3333-4444")
        let id = try await printer.submit(job)
        #expect(try await printer.waitForTerminalState(id) == .completed)
        #expect(try peer.spooledDocument(job: id.rawValue) == Data(rendered.pdf))
    }

    @Test("several copies are one job with the IPP copies attribute")
    func copiesAreOneJob() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let printer = try printer(peer)
        var (job, rendered) = try job("1111-2222-3333-4440")
        job.copies = 3
        let id = try await printer.submit(job)
        #expect(try await printer.waitForTerminalState(id) == .completed)
        #expect(try peer.spooledDocument(job: id.rawValue) == Data(rendered.pdf))
    }

    @Test("no paper before a session: status says so and documents cannot be sold")
    func mediaEmptyBefore() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let printer = try printer(peer)
        try peer.loadPaper(0)
        let empty = await printer.status()
        #expect(empty.state == .userError)
        #expect(empty.reason == "out of paper")
        #expect(empty.details.paper == .empty)
        #expect(!empty.canPrintDocuments)
        try peer.loadPaper(10)
        let low = await printer.status()
        #expect(low.details.paper == .low)
        #expect(low.canPrintDocuments)
        try peer.loadPaper(250)
        #expect(await printer.status().state == .online)
    }

    @Test("paper runs out mid-job: held, then completes when refilled")
    func mediaEmptyMidJob() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let printer = try printer(peer)
        try peer.setFault("paper-out", true)
        let id = try await printer.submit(try job("1111-2222-3333-0001").0)
        #expect(try await eventually { try await printer.jobState(id) == .held(reasons: ["media-empty", "media-needed"]) })
        let status = await printer.status()
        #expect(status.details.paper == .empty)
        #expect(status.state == .userError)
        try peer.setFault("paper-out", false)
        #expect(try await printer.waitForTerminalState(id) == .completed)
        #expect(await printer.status().details.paper == .ok)
    }

    @Test("a jam mid-job aborts it; status shows the jam until cleared; a reprint is a new explicit job")
    func jamMidJob() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let printer = try printer(peer)
        try peer.setFault("jam", true)
        let id = try await printer.submit(try job("1111-2222-3333-0002").0)
        guard case .aborted(let reasons) = try await printer.waitForTerminalState(id) else {
            Issue.record("jammed job did not abort")
            return
        }
        #expect(reasons.contains("media-jam"))
        for _ in 0..<3 {
            let status = await printer.status()
            #expect(status.state == .hardwareError)
            #expect(status.details.jammed == true)
            #expect(!status.canPrintDocuments)
        }
        try peer.setFault("jam", false)
        let (reprint, _) = try job("1111-2222-3333-0002", reprint: 1)
        #expect(reprint.name == "issuance 1111-2222-3333-0002 reprint 1")
        let second = try await printer.submit(reprint)
        #expect(second != id)
        #expect(try await printer.waitForTerminalState(second) == .completed)
        let cleared = await printer.status()
        #expect(cleared.details.jammed == false)
        #expect(cleared.state == .online)
    }

    @Test("cover open mid-job: held, then completes when closed")
    func coverOpen() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let printer = try printer(peer)
        try peer.setFault("cover-open", true)
        let id = try await printer.submit(try job("1111-2222-3333-0003").0)
        #expect(try await eventually { try await printer.jobState(id) == .held(reasons: ["cover-open"]) })
        #expect(await printer.status().details.coverOpen == true)
        try peer.setFault("cover-open", false)
        #expect(try await printer.waitForTerminalState(id) == .completed)
        #expect(await printer.status().details.coverOpen == false)
    }

    @Test("a busy printer is retried with backoff; without retries submit says busy")
    func busy() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let patient = try printer(peer)
        let impatient = try printer(peer, busyRetries: 0)
        try peer.setFault("slow", true, value: "4")
        let first = try await patient.submit(try job("1111-2222-3333-0004").0)
        // ippeveprinter answers busy only while it is processing a job: wait until it is (a loaded
        // machine may take a while to start it), then the impatient submit must be refused.
        #expect(try await eventually { try await patient.jobState(first) == .processing })
        await #expect(throws: PrinterError.busy) { try await impatient.submit(try job("1111-2222-3333-0005").0) }
        let second = try await patient.submit(try job("1111-2222-3333-0006").0)
        #expect(try await patient.jobState(first) == .completed)
        try peer.setFault("slow", false)
        #expect(try await patient.waitForTerminalState(second) == .completed)
    }

    @Test("a failing engine aborts the job")
    func engineFailure() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let printer = try printer(peer)
        try peer.setFault("fail", true)
        let id = try await printer.submit(try job("1111-2222-3333-0007").0)
        guard case .aborted = try await printer.waitForTerminalState(id) else {
            Issue.record("failed job did not abort")
            return
        }
    }

    @Test("a killed printer is offline and comes back online when it returns")
    func killed() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let printer = try printer(peer)
        #expect(await printer.status().state == .online)
        peer.killPrinter()
        let down = await printer.status()
        #expect(down.state == .offline)
        #expect(!down.canPrintDocuments)
        await #expect {
            try await printer.submit(try job("1111-2222-3333-0008").0)
        } throws: { error in
            guard case PrinterError.unreachable = error else { return false }
            return true
        }
        try await peer.startPrinter()
        try peer.loadPaper(250)
        #expect(await printer.status().state == .online)
    }

    @Test("a frozen printer (SIGSTOP) times out: offline, no hang; it recovers when resumed")
    func frozen() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer {
            peer.thaw()
            peer.shutdown()
        }
        let printer = try printer(peer, requestTimeout: .milliseconds(500))
        #expect(await printer.status().state == .online)
        try await peer.freeze()
        let hung = await printer.status()
        #expect(hung.state == .offline)
        await #expect {
            try await printer.submit(try job("1111-2222-3333-0009").0)
        } throws: { error in
            guard case PrinterError.unreachable = error else { return false }
            return true
        }
        peer.thaw()
        #expect(await eventually { await printer.status().state == .online })
        // The printer had the whole job before it froze: found by name, it prints; never resubmitted.
        let name = PrintJob.jobName(number: "1111-2222-3333-0009", reprint: 0)
        let found = try await printer.jobID(named: name)
        let id = try #require(found)
        #expect(try await printer.waitForTerminalState(id) == .completed)
        #expect(try await printer.jobID(named: "issuance 9999-9999-9999-9999") == nil)
    }

    @Test("crash recovery: a new connection answers the state of a job an earlier one submitted")
    func jobStateFromPreviousConnection() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        var id: PrintJobID
        do {
            let before = try printer(peer)
            id = try await before.submit(try job("1111-2222-3333-0010").0)
            #expect(try await before.waitForTerminalState(id) == .completed)
        }
        let after = try printer(peer)
        #expect(try await after.jobState(id) == .completed)
        await #expect(throws: PrinterError.unknownJob(PrintJobID(999))) { try await after.jobState(PrintJobID(999)) }
    }

    @Test("run() polls and publishes status changes, such as paper running low")
    func statusEvents() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let printer = try printer(peer)
        let events = printer.statusEvents()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await printer.run() }
            var iterator = events.makeAsyncIterator()
            while let status = await iterator.next(), status.state != .online {}
            try peer.loadPaper(10)
            var sawLow = false
            while let status = await iterator.next() {
                if status.details.paper == .low {
                    sawLow = true
                    break
                }
            }
            #expect(sawLow)
            group.cancelAll()
        }
    }
}

extension IPPPrinterTests {
    @Test("a held job can be canceled")
    func cancelHeldJob() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let printer = try printer(peer)
        try peer.setFault("cover-open", true)
        let id = try await printer.submit(try job("1111-2222-3333-0011").0)
        #expect(try await eventually { try await printer.jobState(id) == .held(reasons: ["cover-open"]) })
        try await printer.cancel(id)
        // ippeveprinter lets its print command finish before the job ends; the cover closes.
        try peer.setFault("cover-open", false)
        #expect(try await printer.waitForTerminalState(id) == .canceled)
        try await printer.cancel(id)  // canceling an ended job is not an error
    }

    @Test("after the printer restarts, a reused job id with another name is not taken for the old job")
    func reusedJobID() async throws {
        let peer = try await IPPEvePrinterPeer()
        defer { peer.shutdown() }
        let printer = try printer(peer)
        let (original, _) = try job("1111-2222-3333-0012")
        let id = try await printer.submit(original)
        #expect(try await printer.waitForTerminalState(id) == .completed)
        #expect(try await printer.jobState(id, issuedAs: original.name) == .completed)
        peer.killPrinter()
        try await peer.startPrinter()
        try peer.loadPaper(250)
        let other = try await printer.submit(try job("1111-2222-3333-0013").0)
        #expect(other == id)
        _ = try await printer.waitForTerminalState(other)
        await #expect(throws: PrinterError.unknownJob(id)) { try await printer.jobState(id, issuedAs: original.name) }
    }
}
