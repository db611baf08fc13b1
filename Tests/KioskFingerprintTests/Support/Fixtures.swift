import Foundation
import KioskDevices
import KioskFingerprint

/// Paths of the copied libfprint recordings and the images decoded from them.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fingerprint")

    static var nb1010: URL { folder.appendingPathComponent("nb1010") }

    /// The NB-1010-U capture (256×180, dark ridges on light).
    static func nb1010Capture() throws -> GrayImage {
        try PGM.decode(Array(Data(contentsOf: nb1010.appendingPathComponent("capture.pgm"))))
    }

    /// The AES3500 capture (another finger, another sensor), inverted to dark ridges on light.
    static func aes3500Capture() throws -> GrayImage {
        let raw = try PGM.decode(Array(Data(contentsOf: folder.appendingPathComponent("aes3500/raw-128x128.pgm"))))
        return GrayImage(width: raw.width, height: raw.height, pixels: raw.pixels.map { 255 - $0 })
    }

    /// The directory holding the built products (the test bundle lives there).
    static var productsDirectory: URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        while directory.path != "/" && !directory.lastPathComponent.hasSuffix("debug") && !directory.lastPathComponent.hasSuffix("release") {
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }
}
