import Foundation
import KioskCore

/// Loads and validates `kiosk.toml`, reporting every problem as `file:line: key: what is wrong`.
public enum KioskConfigurationLoader {
    /// Extra validation the daemon plugs in for settings whose rules live in adapter modules (a
    /// driver's nested tables); it reports into the reader.
    public struct Validators: Sendable {
        /// Checks `[devices.NAME]` for a driver with nested settings; returns problems to report.
        public var deviceTable: @Sendable (_ device: String, _ driver: String, _ table: ConfigTable, _ file: String) -> [ConfigDiagnostic]

        /// Validators; the default checks nothing beyond the known keys.
        public init(deviceTable: @escaping @Sendable (String, String, ConfigTable, String) -> [ConfigDiagnostic] = { _, _, _, _ in [] }) {
            self.deviceTable = deviceTable
        }
    }

    /// Reads the file at `path` and validates it.
    public static func load(path: String, validators: Validators = Validators()) throws(ConfigDiagnostics) -> KioskConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigDiagnostics([ConfigDiagnostic(file: path, line: 0, key: "", message: "cannot read the configuration file: \(Self.reason(error))")])
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(text, file: path, baseDirectory: base, validators: validators)
    }

    /// Validates configuration text; relative paths resolve against `baseDirectory`.
    public static func parse(
        _ text: String, file: String, baseDirectory: String, validators: Validators = Validators()
    ) throws(ConfigDiagnostics) -> KioskConfiguration {
        let root = try ConfigDocument.parse(text, file: file)
        var reader = ConfigReader(file: file)
        reader.rejectUnknownKeys(root, allowed: ["kiosk", "catalog", "ui", "control", "ledger", "sync", "devices", "state", "session", "identity"])
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") ? path : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardizedFileURL.path
        }

        // [kiosk]
        let kioskTable = reader.table(root, "kiosk", required: true) ?? ConfigTable(entries: [], keyPath: "kiosk", line: 0)
        reader.rejectUnknownKeys(kioskTable, allowed: ["id", "name", "district", "timezone", "hours", "closing_soon_minutes", "production"])
        let id = reader.string(kioskTable, "id", required: true) ?? ""
        if let node = kioskTable["id"], !id.isEmpty,
           !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) || id.count > 32 {
            reader.report(node, "kiosk id must be 1–32 ASCII letters, digits, '-' or '_'")
        }
        let timeZone = reader.string(kioskTable, "timezone") ?? "Asia/Seoul"
        if timeZone != "Asia/Seoul", let node = kioskTable["timezone"] {
            reader.report(node, "only Asia/Seoul is supported (Korean kiosks), found \"\(timeZone)\"")
        }
        let hours = reader.string(kioskTable, "hours") ?? "24/7"
        var openingHours = OpeningHours.alwaysOpen
        if let node = kioskTable["hours"] {
            do {
                openingHours = try OpeningHours(parsing: hours)
            } catch {
                reader.report(node, "bad hours rule \"\(hours)\": \(error.description)")
            }
        }
        let kiosk = KioskConfiguration.Kiosk(
            id: id,
            name: reader.string(kioskTable, "name") ?? id,
            district: reader.string(kioskTable, "district") ?? "",
            timeZone: timeZone,
            hours: hours,
            openingHours: openingHours,
            closingSoonMinutes: reader.integer(kioskTable, "closing_soon_minutes", in: 0...120) ?? 5,
            production: reader.bool(kioskTable, "production") ?? false
        )

        // state folder
        let stateTable = reader.table(root, "state")
        if let stateTable { reader.rejectUnknownKeys(stateTable, allowed: ["directory"]) }
        let stateDirectory = resolve(stateTable.flatMap { reader.string($0, "directory") } ?? "/var/lib/kioskd")

        // [catalog]
        let catalogTable = reader.table(root, "catalog", required: true)
        var catalogPath = ""
        var catalog = Catalog(version: 0, documents: [])
        var catalogOverrides = CatalogOverrides()
        if let catalogTable {
            if let path = reader.string(catalogTable, "path", required: true) {
                catalogPath = resolve(path)
                let node = catalogTable["path"]!
                var isDirectory: ObjCBool = false
                if !FileManager.default.fileExists(atPath: catalogPath, isDirectory: &isDirectory) {
                    reader.report(node, "catalog file \(catalogPath) does not exist")
                } else if isDirectory.boolValue {
                    reader.report(node, "catalog file \(catalogPath) is a folder, not a file")
                } else if !FileManager.default.isReadableFile(atPath: catalogPath) {
                    reader.report(node, "catalog file \(catalogPath) is not readable")
                } else {
                    do {
                        catalog = try CatalogLoader.load(path: catalogPath)
                    } catch {
                        for diagnostic in error.diagnostics { reader.append(diagnostic) }
                    }
                }
            }
            var siteReader = ConfigReader(file: file)
            catalogOverrides = CatalogSiteConfig.read(catalogTable, reader: &siteReader, catalog: catalog.documents.isEmpty ? nil : catalog).overrides
            for diagnostic in siteReader.diagnostics where !(diagnostic.key == "catalog.path") { reader.append(diagnostic) }
        }

        // [ui]
        var uiHost = "127.0.0.1", uiPort = 8080
        var uiFiles = KioskConfiguration.UIFiles(root: KioskConfiguration.UIFiles.defaultRoot(configurationDirectory: baseDirectory))  // MARK: issue 10
        if let ui = reader.table(root, "ui") {
            reader.rejectUnknownKeys(ui, allowed: ["listen", "root", "voice_command", "voice_cache"])  // MARK: issue 10: root, voice_*
            if let path = reader.string(ui, "root") { uiFiles.root = resolve(path) }  // MARK: issue 10
            if let command = reader.string(ui, "voice_command") { uiFiles.voiceCommand = command.contains("/") ? resolve(command) : command }  // MARK: issue 10
            if let path = reader.string(ui, "voice_cache") { uiFiles.voiceCacheDirectory = resolve(path) }  // MARK: issue 10
            if let listen = reader.string(ui, "listen"), let node = ui["listen"] {
                switch ListenAddress.parse(listen) {
                case .success(let address): (uiHost, uiPort) = (address.host, address.port)
                case .failure(let problem): reader.report(node, "bad address \"\(listen)\": \(problem.message)")
                }
            }
        }

        // [control]
        var control = KioskConfiguration.Control(socketPath: "/run/kioskd/control.sock", group: "kiosk-tech")
        if let table = reader.table(root, "control") {
            reader.rejectUnknownKeys(table, allowed: ["socket", "group"])
            if let socket = reader.string(table, "socket") {
                control.socketPath = resolve(socket)
                if control.socketPath.utf8.count > 107, let node = table["socket"] {
                    reader.report(node, "socket path is longer than the 107 bytes a Unix socket address holds")
                }
            }
            if let group = reader.string(table, "group") { control.group = group }
        }

        // [ledger]
        var ledgerPath = resolve("ledger.sqlite3")
        if let table = reader.table(root, "ledger") {
            reader.rejectUnknownKeys(table, allowed: ["path"])
            if let path = reader.string(table, "path") { ledgerPath = resolve(path) }
        } else {
            ledgerPath = URL(fileURLWithPath: stateDirectory).appendingPathComponent("ledger.sqlite3").path
        }

        // [sync]
        var syncURL: String?, syncKeyPath: String?, syncCAFile: String?, syncTimeout = 30
        if let table = reader.table(root, "sync") {
            reader.rejectUnknownKeys(table, allowed: ["url", "key", "ca_file", "timeout_seconds"])
            if let seconds = reader.integer(table, "timeout_seconds", in: 1...300) { syncTimeout = seconds }
            if let url = reader.string(table, "url"), let node = table["url"] {
                if let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), let host = parsed.host {
                    syncURL = url
                    let loopback = host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
                    if parsed.scheme == "http", !loopback {
                        reader.report(node, "plain http is allowed only to a loopback address (127.0.0.1, ::1, localhost), not \(host): use https with sync.ca_file")
                    }
                    if parsed.scheme == "https", table["ca_file"] == nil {
                        reader.report(node, "https needs sync.ca_file: the kiosk trusts only the CA certificate named there")
                    }
                } else {
                    reader.report(node, "bad address \"\(url)\": expected an http:// or https:// URL with a host")
                }
            }
            syncKeyPath = reader.string(table, "key").map(resolve)
            if let path = reader.string(table, "ca_file").map(resolve), let node = table["ca_file"] {
                if let problem = Self.caFileProblem(path) { reader.report(node, problem) } else { syncCAFile = path }
            }
        }

        // [devices.*]
        var devices: [String: KioskConfiguration.Device] = [:]
        let devicesTable = reader.table(root, "devices", required: true)
        if let devicesTable {
            reader.rejectUnknownKeys(devicesTable, allowed: Set(KioskConfiguration.deviceNames))
            for name in KioskConfiguration.deviceNames {
                guard let table = reader.table(devicesTable, name) else {
                    devices[name] = KioskConfiguration.Device(driver: "simulated", required: name != "card", settings: [:])
                    continue
                }
                let driver = reader.string(table, "driver", required: true) ?? "simulated"
                let allowed = DeviceDrivers.settings(device: name, driver: driver)
                if allowed == nil, let node = table["driver"] {
                    let known = DeviceDrivers.known[name, default: []].joined(separator: ", ")
                    reader.report(node, "unknown driver \"\(driver)\" for \(name) (known: \(known))")
                }
                reader.rejectUnknownKeys(table, allowed: Set(["driver", "required"] + (allowed ?? [])))
                if allowed != nil {
                    for diagnostic in validators.deviceTable(name, driver, table, file) { reader.append(diagnostic) }
                }
                var settings: [String: String] = [:]
                for (key, node) in table.entries where key != "driver" && key != "required" && (allowed ?? []).contains(key) {
                    switch node.value {
                    case .table where DeviceDrivers.nestedSettings.contains(key), .array where DeviceDrivers.nestedSettings.contains(key):
                        continue
                    case .string(let value): settings[key] = DeviceDrivers.pathSettings.contains(key) ? resolve(value) : value
                    case .integer(let value): settings[key] = String(value)
                    case .bool(let value): settings[key] = String(value)
                    case .float(let value): settings[key] = String(value)
                    default: reader.report(node, "expected a string, number or boolean, found \(node.value.typeName)")
                    }
                }
                let required = reader.bool(table, "required") ?? (name != "card")
                devices[name] = KioskConfiguration.Device(driver: driver, required: required, settings: settings, table: table)
            }
        }

        // MARK: issue 4 (sessions) — [session]
        var session = KioskConfiguration.Session()
        if let table = reader.table(root, "session") {
            reader.rejectUnknownKeys(table, allowed: ["document_source", "idle_timeout_seconds", "kiosk_number"])
            if let source = reader.string(table, "document_source"), let node = table["document_source"] {
                if KioskConfiguration.Session.documentSources.contains(source) {
                    session.documentSource = source
                } else {
                    reader.report(
                        node,
                        "unknown document source \"\(source)\" (known: \(KioskConfiguration.Session.documentSources.joined(separator: ", ")))")
                }
            }
            if let seconds = reader.integer(table, "idle_timeout_seconds", in: 1...3600) { session.idleTimeoutSeconds = seconds }
            if let number = reader.integer(table, "kiosk_number", in: 1...99_999) { session.kioskNumber = number }
        }

        // MARK: issue 8 (identity) — [identity]
        var identity = KioskConfiguration.Identity()
        if let table = reader.table(root, "identity") {
            reader.rejectUnknownKeys(
                table,
                allowed: [
                    "backend", "synthetic_seed", "synthetic_households", "attempts_before_mobile_id", "capture_timeout_seconds",
                    "agency_poll_seconds",
                ])
            if let backend = reader.string(table, "backend"), let node = table["backend"] {
                if !KioskConfiguration.Identity.backends.contains(backend) {
                    reader.report(node, "unknown identity back-end \"\(backend)\" (known: \(KioskConfiguration.Identity.backends.joined(separator: ", ")))")
                } else if backend == "central" && (syncURL == nil || syncKeyPath == nil) {
                    reader.report(node, "the \"central\" identity back-end needs [sync] url and key_file (requests are signed with the kiosk key)")
                } else {
                    identity.backend = backend
                }
            }
            if let seed = reader.integer(table, "synthetic_seed", in: 0...Int(Int32.max)) { identity.syntheticSeed = seed }
            if let households = reader.integer(table, "synthetic_households", in: 1...100_000) { identity.syntheticHouseholds = households }
            if let attempts = reader.integer(table, "attempts_before_mobile_id", in: 1...10) { identity.attemptsBeforeMobileID = attempts }
            if let seconds = reader.integer(table, "capture_timeout_seconds", in: 5...120) { identity.captureTimeoutSeconds = seconds }
            if let seconds = reader.integer(table, "agency_poll_seconds", in: 1...3600) { identity.agencyPollSeconds = seconds }
        }
        if session.documentSource == "backend", identity.backend == nil, let node = reader.table(root, "session")?["document_source"] {
            reader.report(node, "document source \"backend\" needs an identity back-end ([identity] backend)")
        }

        try reader.finish()
        var configuration = KioskConfiguration(
            kiosk: kiosk, catalogPath: catalogPath, catalog: catalog, catalogOverrides: catalogOverrides, uiHost: uiHost, uiPort: uiPort,
            control: control, ledgerPath: ledgerPath, stateDirectory: stateDirectory, syncURL: syncURL,
            syncKeyPath: syncKeyPath, devices: devices
        )
        configuration.session = session
        configuration.identity = identity
        configuration.syncCAFile = syncCAFile
        configuration.syncTimeoutSeconds = syncTimeout
        configuration.uiFiles = uiFiles  // MARK: issue 10
        return configuration
    }

    /// Why the CA file at `path` cannot be trusted (missing, unreadable, not PEM), or `nil` if it looks right.
    static func caFileProblem(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "CA file \(path) does not exist" }
        guard !isDirectory.boolValue else { return "CA file \(path) is a directory, not a PEM certificate file" }
        guard let data = FileManager.default.contents(atPath: path) else { return "CA file \(path) cannot be read" }
        guard String(decoding: data, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            return "CA file \(path) is not a PEM certificate file (no -----BEGIN CERTIFICATE----- block)"
        }
        return nil
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.code == NSFileReadNoSuchFileError { return "No such file or directory" }
        if nsError.code == NSFileReadNoPermissionError { return "Permission denied" }
        return nsError.localizedDescription
    }
}
