import Foundation

/// Where the package's built executables are (`.build/debug` beside Package.swift), for tests that
/// run them as real processes.
public enum BuiltProducts {
    /// The package's root folder.
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// The path of built executable `name` (e.g. `kioskd`).
    public static func path(_ name: String) -> String {
        let candidates = [".build/debug", ".build/x86_64-unknown-linux-gnu/debug", ".build/aarch64-unknown-linux-gnu/debug"]
        for folder in candidates {
            let path = "\(packageRoot)/\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return "\(packageRoot)/.build/debug/\(name)"
    }
}
