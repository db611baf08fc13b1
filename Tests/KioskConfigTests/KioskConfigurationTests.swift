import Foundation
import KioskConfig
import Testing

@Suite struct KioskConfigurationTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "kiosk-config-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let packaged = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("etc/catalog.toml")
        try? FileManager.default.copyItem(atPath: packaged.path, toPath: path + "/catalog.toml")
        try? Data("version = 1\n[[documents]]\ncode = 5\n".utf8).write(to: URL(fileURLWithPath: path + "/broken.toml"))
        try? FileManager.default.createDirectory(atPath: path + "/folder.toml", withIntermediateDirectories: true)
        return path
    }()

    let valid = """
        [kiosk]
        id = "JINJU-0001"
        hours = "Mo-Fr 09:00-18:00"
        [catalog]
        path = "catalog.toml"
        [ui]
        listen = "127.0.0.1:8080"
        [control]
        socket = "run/kioskd.sock"
        [devices.printer]
        driver = "simulated"
        """

    private func problems(_ text: String, validators: KioskConfigurationLoader.Validators = .init()) -> [String] {
        do {
            _ = try KioskConfigurationLoader.parse(text, file: "kiosk.toml", baseDirectory: folder, validators: validators)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func validFileLoadsWithDefaultsAndResolvedPaths() throws {
        let configuration = try KioskConfigurationLoader.parse(valid, file: "kiosk.toml", baseDirectory: folder)
        #expect(configuration.kiosk.id == "JINJU-0001")
        #expect(configuration.kiosk.closingSoonMinutes == 5)
        #expect(configuration.control.socketPath == folder + "/run/kioskd.sock")
        #expect(configuration.catalogPath == folder + "/catalog.toml")
        #expect(configuration.devices.keys.sorted() == ["card", "cash", "fingerprint", "printer"])
        #expect(configuration.devices["card"]?.required == false)
        #expect(configuration.uiPort == 8080)
    }

    @Test(arguments: [
        ("colour = \"blue\"\n", "kiosk.toml:1: colour: unknown key"),
        ("[kiosk]\nid = 7\n", "kiosk.toml:2: kiosk.id: expected a string, found integer"),
        ("[kiosk]\nid = \"A\"\nclosing_soon_minutes = 500\n", "kiosk.toml:3: kiosk.closing_soon_minutes: 500 is out of range 0...120"),
        ("[ui]\nlisten = \"0.0.0.0:80\"\n", "kiosk.toml:2: ui.listen: bad address \"0.0.0.0:80\": the UI listens on loopback only"),
        ("[ui]\nlisten = \"localhost\"\n", "kiosk.toml:2: ui.listen: bad address \"localhost\": expected host:port"),
        ("[sync]\nurl = \"ftp:nowhere\"\n", "kiosk.toml:2: sync.url: bad address \"ftp:nowhere\""),
        ("[catalog]\npath = \"missing.toml\"\n", "kiosk.toml:2: catalog.path: catalog file"),
        ("[catalog]\npath = \"folder.toml\"\n", "kiosk.toml:2: catalog.path: catalog file"),
        ("[devices.printer]\ndriver = \"laser\"\n", "kiosk.toml:2: devices.printer.driver: unknown driver \"laser\""),
        ("[devices.cash]\ndriver = \"simulated\"\nport = \"/dev/ttyS0\"\n", "kiosk.toml:3: devices.cash.port: unknown key"),
        ("a = \n", "kiosk.toml:1: TOML syntax"),
        ("[identity]\nbackend = \"oracle\"\n", "kiosk.toml:2: identity.backend: unknown identity back-end \"oracle\""),
        ("[identity]\nbackend = \"central\"\n", "kiosk.toml:2: identity.backend: the \"central\" identity back-end needs [sync] url and key_file"),
        ("[identity]\nattempts_before_mobile_id = 0\n", "kiosk.toml:2: identity.attempts_before_mobile_id: 0 is out of range 1...10"),
        ("[identity]\nfinger = 1\n", "kiosk.toml:2: identity.finger: unknown key"),
        ("[session]\ndocument_source = \"backend\"\n", "kiosk.toml:2: session.document_source: document source \"backend\" needs an identity back-end"),
    ])
    func eachErrorClassNamesFileLineAndKey(addition: String, expected: String) {
        // The addition replaces the matching table of the valid file, or is appended.
        var text = valid
        for table in ["[ui]\n", "[catalog]\n", "[devices.printer]\n", "[kiosk]\n"] where addition.hasPrefix(table) {
            if let range = text.range(of: table) {
                let end = text[range.upperBound...].range(of: "\n[")?.lowerBound ?? text.endIndex
                text.removeSubrange(range.lowerBound..<end)
            }
        }
        let found = problems(addition + "\n" + text)
        #expect(found.contains { $0.hasPrefix(expected) }, "expected a line starting \(expected), got \(found)")
    }

    @Test func identityTableLoads() throws {
        let text = valid + "\n[identity]\nbackend = \"synthetic\"\nsynthetic_seed = 7\ncapture_timeout_seconds = 30\n"
            + "[session]\ndocument_source = \"backend\"\n"
        let configuration = try KioskConfigurationLoader.parse(text, file: "kiosk.toml", baseDirectory: folder)
        #expect(configuration.identity.backend == "synthetic")
        #expect(configuration.identity.syntheticSeed == 7)
        #expect(configuration.identity.captureTimeoutSeconds == 30)
        #expect(configuration.identity.attemptsBeforeMobileID == 3)
        #expect(configuration.session.documentSource == "backend")
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let text = """
            [kiosk]
            id = 1
            hours = 2
            [catalog]
            path = "missing.toml"
            [ui]
            listen = "nowhere"
            [devices.card]
            driver = "van"
            """
        let found = problems(text)
        #expect(found.count == 5, "\(found)")
        #expect(found.map { $0.split(separator: ":")[1] } == ["2", "3", "5", "7", "9"])
    }

    @Test func badHoursRuleNamesTheLineAndPosition() {
        let found = problems(valid.replacingOccurrences(of: "Mo-Fr 09:00-18:00", with: "Mo-Fr 09:00-25:61"))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("kiosk.toml:3: kiosk.hours: bad hours rule \"Mo-Fr 09:00-25:61\": position ") == true, "\(found)")
    }

    @Test func catalogProblemsNameTheCatalogFile() {
        let found = problems(valid.replacingOccurrences(of: "path = \"catalog.toml\"", with: "path = \"broken.toml\""))
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.hasPrefix(folder + "/broken.toml:") }, "\(found)")
    }

    @Test func siteOverridesAreCheckedAgainstTheCatalog() {
        let text = valid.replacingOccurrences(of: "path = \"catalog.toml\"", with: "path = \"catalog.toml\"\ndisabled = [\"NO-SUCH-DOC\"]")
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("kiosk.toml:6: catalog.disabled[0]: unknown document code NO-SUCH-DOC") == true, "\(found)")
    }

    @Test func missingFileIsADiagnosticToo() {
        #expect(throws: ConfigDiagnostics.self) { try KioskConfigurationLoader.load(path: folder + "/nothing.toml") }
        do {
            _ = try KioskConfigurationLoader.load(path: folder + "/nothing.toml")
        } catch {
            #expect(error.description == "\(folder)/nothing.toml:0: cannot read the configuration file: No such file or directory")
        }
    }

    @Test(arguments: ["127.0.0.1:8080", "127.0.0.2:0", "[::1]:9000"])
    func loopbackAddressesAreAccepted(text: String) {
        #expect((try? ListenAddress.parse(text).get()) != nil)
    }
}
