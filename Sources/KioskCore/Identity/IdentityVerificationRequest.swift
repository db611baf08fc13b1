public import Foundation

/// What a kiosk sends to verify a resident: who is asking, the RRN the resident typed, the ISO/IEC
/// 19794-2 minutiae record of the right thumb just captured, and its quality. Lives only for the session;
/// `wipe()` zeroes the RRN and the template.
public struct IdentityVerificationRequest: Sendable, CustomStringConvertible {
    /// The kiosk's id (the limiter and the audit record name it).
    public var kioskID: String
    /// The number the resident entered.
    public var residentNumber: ResidentNumber
    /// ISO/IEC 19794-2:2005 finger minutiae record of the capture.
    public var template: [UInt8]
    /// The capture's quality, 0–100.
    public var quality: Int
    /// When the capture was made (the limiter's clock).
    public var at: Date

    /// A request.
    public init(kioskID: String, residentNumber: ResidentNumber, template: [UInt8], quality: Int, at: Date) {
        self.kioskID = kioskID
        self.residentNumber = residentNumber
        self.template = template
        self.quality = quality
        self.at = at
    }

    /// Zeroes the RRN and the template.
    public mutating func wipe() {
        residentNumber.wipe()
        for index in template.indices { template[index] = 0 }
    }

    /// Kiosk, masked RRN, template size and quality — never the number or the template.
    public var description: String {
        "IdentityVerificationRequest(kiosk \(kioskID), \(residentNumber.masked), \(template.count)-byte template, quality \(quality))"
    }
}
