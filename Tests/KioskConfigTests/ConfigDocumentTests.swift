import KioskConfig
import Testing

@Suite struct ConfigDocumentTests {
    let text = """
        # kiosk
        id = "JJ-0001"
        name = "진주시청 1층"

        [devices.printer]
        driver = "ipp"
        uri = "ipp://localhost:631/ipp/print"

        [[documents]]
        code = "RR-DEUNGBON"
        options = [
          { key = "mask", choices = ["yes", "no"] },
          { key = "copies" },
        ]

        [[documents]]
        code = "RR-CHOBON"
        fee = 200
        """

    @Test func everyKeyKnowsItsLine() throws {
        let root = try ConfigDocument.parse(text, file: "kiosk.toml")
        #expect(root.keys == ["id", "name", "devices", "documents"])
        #expect(root["id"]?.line == 2)
        guard case .table(let devices) = root["devices"]?.value, case .table(let printer) = devices["printer"]?.value
        else { Issue.record("devices.printer missing"); return }
        #expect(printer["uri"]?.line == 7)
        #expect(printer["uri"]?.keyPath == "devices.printer.uri")
        guard case .array(let documents) = root["documents"]?.value else { Issue.record("no documents"); return }
        #expect(documents.count == 2)
        guard case .table(let second) = documents[1].value, case .table(let first) = documents[0].value else { return }
        #expect(second["fee"]?.line == 18)
        #expect(second["fee"]?.keyPath == "documents[1].fee")
        guard case .array(let options) = first["options"]?.value else { Issue.record("no options"); return }
        #expect(options.map(\.line) == [12, 13])
    }

    @Test func syntaxErrorsNameTheLine() {
        #expect {
            try ConfigDocument.parse("a = 1\nb = \n", file: "bad.toml")
        } throws: { error in
            guard let diagnostics = error as? ConfigDiagnostics else { return false }
            return diagnostics.diagnostics.first?.line == 2 && diagnostics.description.hasPrefix("bad.toml:2: ")
        }
    }

    @Test func readerCollectsEveryProblem() throws {
        let root = try ConfigDocument.parse("id = 5\nport = \"x\"\nextra = true\n", file: "k.toml")
        var reader = ConfigReader(file: "k.toml")
        _ = reader.string(root, "id", required: true)
        _ = reader.integer(root, "port")
        _ = reader.string(root, "name", required: true)
        reader.rejectUnknownKeys(root, allowed: ["id", "port", "name"])
        #expect(reader.diagnostics.map(\.description) == [
            "k.toml:1: id: expected a string, found integer",
            "k.toml:2: port: expected an integer, found string",
            "k.toml:0: name: required string is missing",
            "k.toml:3: extra: unknown key (known keys here: id, name, port)",
        ])
    }
}
