import KioskDevices
@testable import KioskPrinting
import Testing

@Suite("printer-state-reasons → device status")
struct PrinterStatusMappingTests {
    private func status(_ reasons: [String], state: Int = 3, mediaReady: [String]? = ["iso_a4_210x297mm"],
                        toner: Int = 80) -> DeviceStatus {
        PrinterSnapshot(state: state, reasons: reasons, mediaReady: mediaReady,
                        supplies: [.init(type: "toner", level: toner, maxCapacity: 100)], message: nil)
            .deviceStatus(media: "iso_a4_210x297mm", tonerLowPercent: 10)
    }

    @Test("severity suffixes and none are stripped")
    func normalization() {
        #expect(PrinterStateReasons.normalized(["media-empty-report", "media-needed-warning", "none", "cover-open-error",
                                                "media-empty-warning"]) == ["media-empty", "media-needed", "cover-open"])
        #expect(PrinterStateReasons.normalized(["none"]).isEmpty)
    }

    @Test("each reason maps to a state, a technician's reason and details", arguments: [
        (["none"], DeviceState.online, nil as String?),
        (["media-empty-report"], .userError, "out of paper"),
        (["media-needed-warning"], .userError, "out of paper"),
        (["media-jam-error"], .hardwareError, "paper jam"),
        (["cover-open-warning"], .userError, "cover open"),
        (["door-open-report"], .userError, "cover open"),
        (["toner-empty-report"], .hardwareError, "toner empty"),
        (["marker-waste-full-report"], .hardwareError, "waste toner container full"),
        (["media-low-report", "toner-low-report"], .online, nil),
        (["media-jam-error", "media-empty-error"], .hardwareError, "paper jam"),
    ])
    func mapping(reasons: [String], state: DeviceState, reason: String?) {
        let mapped = status(reasons)
        #expect(mapped.state == state)
        #expect(mapped.reason == reason)
        #expect(mapped.driver == "ipp")
        #expect(mapped.details.conditions == PrinterStateReasons.normalized(reasons))
    }

    @Test("details: paper, toner, cover, jam")
    func details() {
        #expect(status(["media-low-report"]).details.paper == .low)
        #expect(status(["media-empty-report"]).details.paper == .empty)
        #expect(status([]).details.paper == .ok)
        #expect(status(["toner-low-report"]).details.toner == .low)
        #expect(status([], toner: 5).details.toner == .low)
        #expect(status([], toner: 0).details.toner == .empty)
        #expect(status([], toner: 80).details.toner == .ok)
        #expect(status(["cover-open-report"]).details.coverOpen == true)
        #expect(status(["media-jam-report"]).details.jammed == true)
        #expect(status([]).details.jammed == false)
        #expect(status(["media-low-report"]).canPrintDocuments)
        #expect(!status(["media-empty-report"]).canPrintDocuments)
        #expect(!status(["media-jam-report"]).canPrintDocuments)
        #expect(!status(["cover-open-report"]).canPrintDocuments)
    }

    @Test("A4 missing from media-ready means no paper; a printing printer is busy but usable")
    func mediaAndBusy() {
        let letterOnly = status([], mediaReady: ["na_letter_8.5x11in"])
        #expect(letterOnly.state == .userError)
        #expect(letterOnly.reason == "no iso_a4_210x297mm paper loaded")
        #expect(letterOnly.details.paper == .empty)
        let printing = status([], state: 4)
        #expect(printing.state == .busy)
        #expect(printing.canPrintDocuments)
        #expect(PrinterSnapshot.unreachableStatus("Connection refused").state == .offline)
    }

    @Test("job-state with the printer's reasons → PrintJobState", arguments: [
        (3, [String](), [String](), PrintJobState.pending),
        (5, ["job-printing"], ["none"], .processing),
        (5, ["job-printing"], ["media-empty-warning", "media-needed-warning"], .held(reasons: ["media-empty", "media-needed"])),
        (5, ["job-printing"], ["cover-open-warning", "toner-low-warning"], .held(reasons: ["cover-open"])),
        (6, ["printer-stopped"], ["cover-open-warning"], .held(reasons: ["cover-open"])),
        (8, ["aborted-by-system"], ["media-jam-report"], .aborted(reasons: ["media-jam", "aborted-by-system"])),
        (7, ["job-canceled-by-user"], [], .canceled),
        (9, ["job-completed-successfully"], ["media-jam-report"], .completed),
    ])
    func jobStates(state: Int, jobReasons: [String], printerReasons: [String], expected: PrintJobState) {
        let printer = PrinterSnapshot(state: 4, reasons: printerReasons, mediaReady: nil, supplies: [], message: nil)
        #expect(IPPPrinter.jobState(IPPJobInfo(state: state, reasons: jobReasons), printer: printer) == expected)
    }

    @Test("printer-supply values parse")
    func supplies() {
        let supply = PrinterSnapshot.Supply(
            ippValue: "index=2;class=supplyThatIsConsumed;type=toner;unit=percent;maxcapacity=100;level=75;colorantname=black;")
        #expect(supply == .init(type: "toner", level: 75, maxCapacity: 100))
        #expect(PrinterSnapshot.Supply(ippValue: "level=3") == nil)
    }

    @Test("job names carry the issuance number and the reprint count")
    func jobNames() {
        #expect(PrintJob.jobName(number: "1234-5678-9012-3456", reprint: 0) == "issuance 1234-5678-9012-3456")
        #expect(PrintJob.jobName(number: "1234-5678-9012-3456", reprint: 1) == "issuance 1234-5678-9012-3456 reprint 1")
        #expect(PrintJob.parseJobName("issuance 1234-5678-9012-3456 reprint 2")! == ("1234-5678-9012-3456", 2))
        #expect(PrintJob.parseJobName("issuance 1234-5678-9012-3456")! == ("1234-5678-9012-3456", 0))
        #expect(PrintJob.parseJobName("kioskctl test") == nil)
    }

    @Test("bad configuration is refused naming the key")
    func configuration() throws {
        #expect(throws: IPPPrinterConfigurationError.self) { try IPPPrinterConfiguration(uri: "http://printer/ipp").validated() }
        #expect(throws: IPPPrinterConfigurationError.outOfRange(key: "busy_retries", "must be 0…100")) {
            try IPPPrinterConfiguration(uri: "ipp://printer/ipp/print", busyRetries: -1).validated()
        }
        let target = try IPPPrinterConfiguration(uri: "ipp://printer.local:8631/ipp/print").validated()
        #expect(target.host == "printer.local")
        #expect(target.port == 8631)
        #expect(target.resource == "/ipp/print")
    }
}
