import Foundation

// MARK: issue 10 (the resident's touchscreen)
extension KioskConfiguration {
    /// The `[ui]` keys of the touchscreen besides `listen`: where its files are and how it speaks.
    public struct UIFiles: Sendable, Equatable {
        /// Where an installed kioskd looks for the touchscreen's files when `[ui] root` is not set and
        /// the checkout's `ui/` folder is not beside the configuration folder.
        public static let installedRoot = "/usr/share/kioskd/ui"

        /// The folder holding `index.html` and the other files served under `/` and `/ui/`.
        public var root: String
        /// The speech synthesiser's program (espeak-ng), looked up in `PATH` when not absolute.
        public var voiceCommand: String
        /// Where synthesised phrases are cached (WAV per phrase, language and rate), or `nil`: under
        /// the state directory's `voice-cache`.
        public var voiceCacheDirectory: String?

        /// The defaults: the installed root, `espeak-ng`, the cache under the state directory.
        public init(root: String = UIFiles.installedRoot, voiceCommand: String = "espeak-ng", voiceCacheDirectory: String? = nil) {
            self.root = root
            self.voiceCommand = voiceCommand
            self.voiceCacheDirectory = voiceCacheDirectory
        }

        /// The root used when `[ui] root` is absent: `../ui` beside the configuration's folder when it
        /// holds an `index.html` (a checkout: `etc/kiosk.toml` → `ui/`), otherwise `installedRoot`.
        public static func defaultRoot(configurationDirectory: String) -> String {
            let checkout = URL(fileURLWithPath: configurationDirectory).appendingPathComponent("../ui").standardizedFileURL.path
            if FileManager.default.fileExists(atPath: checkout + "/index.html") { return checkout }
            return installedRoot
        }
    }
}
