/// An 8-bit greyscale image (0 = black, 255 = white), row-major. Holds biometric data: never write it
/// to disk or logs; call `wipe()` when the session ends.
public struct GrayImage: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width × height` pixels, row by row.
    public private(set) var pixels: [UInt8]

    /// An image from its pixels; `pixels.count` must equal `width × height`.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height, "pixel count must be width × height")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The pixel at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// Overwrites every pixel with zero in place.
    public mutating func wipe() {
        pixels.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = 0 }
        }
    }

    /// Never prints pixels.
    public var description: String { "GrayImage(\(width)×\(height))" }
}

extension GrayImage: CustomStringConvertible, CustomDebugStringConvertible {
    public var debugDescription: String { description }
}
