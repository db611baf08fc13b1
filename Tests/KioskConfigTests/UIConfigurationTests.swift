import Foundation
import KioskConfig
import Testing

/// `[ui] root`, `voice_command`, `voice_cache` (issue 10): where the touchscreen's files are and how it speaks.
@Suite struct UIConfigurationTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "kiosk-ui-config-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path + "/etc", withIntermediateDirectories: true)
        let packaged = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("etc/catalog.toml")
        try? FileManager.default.copyItem(atPath: packaged.path, toPath: path + "/etc/catalog.toml")
        return path
    }()

    private func load(_ ui: String) throws(ConfigDiagnostics) -> KioskConfiguration {
        let text = "[kiosk]\nid = \"UI-1\"\n[catalog]\npath = \"catalog.toml\"\n[devices.printer]\ndriver = \"simulated\"\n[ui]\nlisten = \"127.0.0.1:8080\"\n\(ui)"
        return try KioskConfigurationLoader.parse(text, file: "kiosk.toml", baseDirectory: folder + "/etc")
    }

    @Test func explicitKeysResolveAgainstTheConfigurationFolder() throws {
        let configuration = try load("root = \"../screens\"\nvoice_command = \"bin/say\"\nvoice_cache = \"/var/cache/kioskd/voice\"\n")
        #expect(configuration.uiFiles.root == folder + "/screens")
        #expect(configuration.uiFiles.voiceCommand == folder + "/etc/bin/say")
        #expect(configuration.uiFiles.voiceCacheDirectory == "/var/cache/kioskd/voice")
    }

    @Test func withoutRootAnInstalledKioskUsesTheSharedFolder() throws {
        let configuration = try load("")
        #expect(configuration.uiFiles.root == KioskConfiguration.UIFiles.installedRoot)
        #expect(configuration.uiFiles.voiceCommand == "espeak-ng")
        #expect(configuration.uiFiles.voiceCacheDirectory == nil)
    }

    @Test func withoutRootACheckoutUsesItsUIFolder() throws {
        try FileManager.default.createDirectory(atPath: folder + "/ui", withIntermediateDirectories: true)
        try Data("<!doctype html>".utf8).write(to: URL(fileURLWithPath: folder + "/ui/index.html"))
        #expect(try load("").uiFiles.root == folder + "/ui")
    }

    @Test func unknownUIKeysAreReported() {
        do {
            _ = try load("colour = \"blue\"\n")
            Issue.record("an unknown [ui] key was accepted")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["kiosk.toml:9: ui.colour: unknown key (known keys here: listen, root, voice_cache, voice_command)"])
        }
    }
}
