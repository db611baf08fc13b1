/// A finger-minutiae template: the image size and resolution it came from and its minutiae.
/// It is biometric data: never log, store or print it; call `wipe()` when the session ends.
/// `isoRecord()` / `init(isoRecord:)` convert it to and from an ISO/IEC 19794-2:2005 record.
public struct MinutiaeTemplate: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Width of the source image in pixels.
    public var width: Int
    /// Height of the source image in pixels.
    public var height: Int
    /// Horizontal resolution in pixels per centimetre.
    public var horizontalResolution: UInt16
    /// Vertical resolution in pixels per centimetre.
    public var verticalResolution: UInt16
    /// ISO finger position code (1 = right thumb).
    public var fingerPosition: UInt8
    /// Overall finger quality 0–100 (the capture's quality score).
    public var fingerQuality: UInt8
    /// The minutiae (at most 255, ISO's one-byte count).
    public var minutiae: [Minutia]

    /// The right thumb's ISO finger position code.
    public static let rightThumb: UInt8 = 1

    /// A template; at most 255 minutiae.
    public init(
        width: Int, height: Int, horizontalResolution: UInt16, verticalResolution: UInt16,
        fingerPosition: UInt8 = MinutiaeTemplate.rightThumb, fingerQuality: UInt8, minutiae: [Minutia]
    ) {
        precondition(minutiae.count <= 255, "an ISO 19794-2 finger view holds at most 255 minutiae")
        self.width = width
        self.height = height
        self.horizontalResolution = horizontalResolution
        self.verticalResolution = verticalResolution
        self.fingerPosition = fingerPosition
        self.fingerQuality = min(fingerQuality, 100)
        self.minutiae = minutiae
    }

    /// Overwrites every minutia with zeros and empties the list.
    public mutating func wipe() {
        minutiae.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = Minutia(kind: .other, x: 0, y: 0, angle: 0, quality: 0) }
        }
        minutiae.removeAll()
        fingerQuality = 0
    }

    /// Never prints minutiae.
    public var description: String { "MinutiaeTemplate(\(width)×\(height), \(minutiae.count) minutiae)" }
    /// Never prints minutiae.
    public var debugDescription: String { description }
}
