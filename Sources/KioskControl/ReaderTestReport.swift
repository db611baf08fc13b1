/// The answer to `reader-test`: one capture on the kiosk's configured fingerprint reader.
public struct ReaderTestReport: Codable, Sendable, Equatable {
    /// The driver that captured.
    public var driver: String
    /// Image width in pixels.
    public var width: Int
    /// Image height in pixels.
    public var height: Int
    /// Quality score 0–100.
    public var quality: Int
    /// Whether the quality policy accepts the image.
    public var acceptable: Bool
    /// The guidance the resident would have been given, in order.
    public var guidance: [String]
    /// Minutiae found in the image.
    public var minutiae: Int
    /// The image as a binary PGM, base64 — only when asked for and the kiosk is not in production mode.
    public var pgmBase64: String?

    /// A report.
    public init(
        driver: String, width: Int, height: Int, quality: Int, acceptable: Bool, guidance: [String], minutiae: Int,
        pgmBase64: String?
    ) {
        self.driver = driver
        self.width = width
        self.height = height
        self.quality = quality
        self.acceptable = acceptable
        self.guidance = guidance
        self.minutiae = minutiae
        self.pgmBase64 = pgmBase64
    }
}
