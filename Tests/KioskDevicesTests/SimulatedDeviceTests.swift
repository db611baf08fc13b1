import Foundation
import KioskCore
import KioskDevices
import Testing

@Suite struct SimulatedDeviceTests {
    private func spoolFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
    }

    private func waitForState(_ printer: SimulatedPrinter, _ id: PrintJobID, until done: (PrintJobState) -> Bool) async throws -> PrintJobState {
        for _ in 0..<200 {
            let state = try await printer.jobState(id)
            if done(state) { return state }
            try await Task.sleep(for: .milliseconds(10))
        }
        return try await printer.jobState(id)
    }

    @Test func printerSpoolsTheExactDocument() async throws {
        let spool = spoolFolder()
        defer { try? FileManager.default.removeItem(at: spool) }
        let printer = try SimulatedPrinter(spool: spool, printDuration: .milliseconds(20))
        let pdf = Array("%PDF-1.7 test document".utf8)
        let id = try await printer.submit(PrintJob(name: "1234-5678-9012-3456", document: pdf, pages: 1))
        #expect(try await waitForState(printer, id) { $0.isTerminal } == .completed)
        let file = spool.appendingPathComponent("\(id.rawValue)-1234-5678-9012-3456.pdf")
        #expect(try Data(contentsOf: file) == Data(pdf))
    }

    @Test func paperOutHoldsTheJobUntilRefilled() async throws {
        let spool = spoolFolder()
        defer { try? FileManager.default.removeItem(at: spool) }
        let printer = try SimulatedPrinter(spool: spool, printDuration: .milliseconds(20))
        await printer.setFault(.paperOut, active: true)
        let id = try await printer.submit(PrintJob(name: "job", document: [1, 2, 3], pages: 1))
        #expect(try await printer.jobState(id) == .held(reasons: ["media-empty", "media-needed"]))
        #expect(await printer.status().state == .userError)
        await printer.setFault(.paperOut, active: false)
        #expect(try await waitForState(printer, id) { $0.isTerminal } == .completed)
    }

    @Test func jamAbortsTheJobBeingPrinted() async throws {
        let spool = spoolFolder()
        defer { try? FileManager.default.removeItem(at: spool) }
        let printer = try SimulatedPrinter(spool: spool, printDuration: .seconds(30))
        let id = try await printer.submit(PrintJob(name: "job", document: [1], pages: 1))
        #expect(try await printer.jobState(id) == .processing)
        await printer.setFault(.jam, active: true)
        #expect(try await printer.jobState(id) == .aborted(reasons: ["media-jam"]))
        #expect(await printer.status().details.jammed == true)
    }

    @Test func jobStateSurvivesARestart() async throws {
        let spool = spoolFolder()
        defer { try? FileManager.default.removeItem(at: spool) }
        let first = try SimulatedPrinter(spool: spool, printDuration: .milliseconds(5))
        let done = try await first.submit(PrintJob(name: "a", document: [1], pages: 1))
        _ = try await waitForState(first, done) { $0.isTerminal }
        let slow = try SimulatedPrinter(spool: spool, printDuration: .seconds(60))
        let interrupted = try await slow.submit(PrintJob(name: "b", document: [2], pages: 1))
        let restarted = try SimulatedPrinter(spool: spool)
        #expect(try await restarted.jobState(done) == .completed)
        #expect(try await restarted.jobState(interrupted) == .aborted(reasons: ["printer-restarted"]))
        await #expect(throws: PrinterError.unknownJob(PrintJobID(999))) { try await restarted.jobState(PrintJobID(999)) }
        let next = try await restarted.submit(PrintJob(name: "c", document: [3], pages: 1))
        #expect(next.rawValue > interrupted.rawValue)
    }

    @Test func readerStreamsGuidanceThenOneImage() async throws {
        let reader = SimulatedFingerprintReader(fingerSeed: 3, placeDelay: .milliseconds(5))
        var events: [CaptureEvent] = []
        for try await event in reader.capture(timeout: .seconds(5)) { events.append(event) }
        #expect(events.first == .guidance(.placeFinger))
        guard case .image(let image) = events.last else { Issue.record("no image"); return }
        #expect(image.width == 256 && image.height == 180)
        #expect(Set(image.pixels).count > 50)
    }

    @Test func readerWithoutFingerTimesOut() async throws {
        let reader = SimulatedFingerprintReader(placeDelay: .milliseconds(5))
        await reader.setFault(.noFinger, active: true)
        await #expect(throws: CaptureFailure.timeout) {
            for try await _ in reader.capture(timeout: .milliseconds(20)) {}
        }
    }

    @Test func imagesWipeToZero() {
        var image = SyntheticThumb.image(seed: 9, contrast: 1)
        image.wipe()
        #expect(image.pixels.allSatisfy { $0 == 0 })
    }

    @Test func cashPaysChangeAndReportsShortfall() async throws {
        let cash = SimulatedCashHandler()
        try await cash.enableAcceptance(of: [Money(won: 1000), Money(won: 500)])
        let events = cash.cashEvents()
        await cash.insert(Money(won: 1000))
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .noteInEscrow(Money(won: 1000)))
        #expect(try await cash.stackEscrow() == Money(won: 1000))
        #expect(try await cash.dispense(Money(won: 600)) == DispenseResult(paid: Money(won: 600), shortfall: .zero))
        await cash.setFault(.coinJam, active: true)
        let jammed = try await cash.dispense(Money(won: 1000))
        #expect(jammed.paid + jammed.shortfall == Money(won: 1000))
        #expect(jammed.shortfall > .zero)
    }

    @Test func cardDeclineChargesNothing() async throws {
        let card = SimulatedCardTerminal(delay: .milliseconds(1))
        await card.setFault(.cardDeclined, active: true)
        await #expect(throws: CardError.self) { try await card.approve(amount: Money(won: 500), reference: "s1") }
        await card.setFault(.cardDeclined, active: false)
        let approval = try await card.approve(amount: Money(won: 500), reference: "s2")
        #expect(approval.amount == Money(won: 500))
    }

    @Test func broadcasterGivesLatestThenChanges() async {
        let broadcaster = StatusBroadcaster(initial: 1)
        let stream = broadcaster.subscribe()
        #expect(broadcaster.publishIfChanged(1) == false)
        broadcaster.publish(2)
        broadcaster.finish()
        var seen: [Int] = []
        for await value in stream { seen.append(value) }
        #expect(seen == [1, 2])
    }
}
