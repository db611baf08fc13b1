import KioskDevices
import KioskFingerprint
import Testing

/// Minutiae extraction and the ISO/IEC 19794-2 record.
@Suite struct TemplateTests {
    @Test func theRealCaptureYieldsEndingsAndBifurcations() throws {
        let template = MinutiaeExtractor().template(from: try Fixtures.nb1010Capture())
        print("minutiae nb1010: \(template.minutiae.count) (\(template.minutiae.filter { $0.kind == .ending }.count) endings)")
        #expect(template.minutiae.count >= 20)
        #expect(template.minutiae.contains { $0.kind == .ending })
        #expect(template.minutiae.contains { $0.kind == .bifurcation })
        #expect(template.minutiae.allSatisfy { $0.x < 256 && $0.y < 180 && $0.quality <= 100 })
    }

    @Test func isoRecordRoundTrips() throws {
        let template = MinutiaeExtractor().template(from: try Fixtures.nb1010Capture())
        let record = template.isoRecord()
        #expect(Array(record[0..<8]) == [0x46, 0x4D, 0x52, 0, 0x20, 0x32, 0x30, 0])
        #expect(record.count == 24 + 4 + 6 * template.minutiae.count + 2)
        #expect(Int(record[8]) << 24 | Int(record[9]) << 16 | Int(record[10]) << 8 | Int(record[11]) == record.count)
        #expect(record[24] == MinutiaeTemplate.rightThumb)
        #expect(try MinutiaeTemplate(isoRecord: record) == template)
    }

    @Test func isoRecordFieldsAreWhereTheStandardPutsThem() throws {
        let template = MinutiaeTemplate(
            width: 256, height: 180, horizontalResolution: 152, verticalResolution: 152, fingerQuality: 77,
            minutiae: [Minutia(kind: .bifurcation, x: 300, y: 17, angle: 64, quality: 90)])
        #expect(template.isoRecord() == [
            0x46, 0x4D, 0x52, 0x00, 0x20, 0x32, 0x30, 0x00, 0, 0, 0, 36, 0, 0, 1, 0, 0, 180, 0, 152, 0, 152, 1, 0,
            1, 0, 77, 1, 0x81, 0x2C, 0x00, 17, 64, 90, 0, 0,
        ])
    }

    @Test(arguments: [
        ([UInt8](repeating: 0, count: 10), TemplateDecodingError.truncated(needed: 24, available: 10)),
        ([0x46, 0x4D, 0x53, 0] + [UInt8](repeating: 0, count: 26), .badMagic),
    ])
    func malformedRecordsAreRejectedByName(bytes: [UInt8], error: TemplateDecodingError) {
        #expect(throws: error) { try MinutiaeTemplate(isoRecord: bytes) }
    }

    @Test func lengthMismatchAndTruncationAreNamed() throws {
        var record = MinutiaeExtractor().template(from: try Fixtures.nb1010Capture()).isoRecord()
        let full = record.count
        record.removeLast(4)
        #expect(throws: TemplateDecodingError.lengthMismatch(declared: full, actual: full - 4)) { try MinutiaeTemplate(isoRecord: record) }
        var version = MinutiaeTemplate(width: 1, height: 1, horizontalResolution: 1, verticalResolution: 1, fingerQuality: 0, minutiae: []).isoRecord()
        version[5] = 0x33
        #expect(throws: TemplateDecodingError.unsupportedVersion(" 30")) { try MinutiaeTemplate(isoRecord: version) }
    }

    @Test func wipeLeavesNoMinutiaeAndDescriptionsHideThem() throws {
        var template = MinutiaeExtractor().template(from: try Fixtures.nb1010Capture())
        #expect(template.description == "MinutiaeTemplate(256×180, \(template.minutiae.count) minutiae)")
        template.wipe()
        #expect(template.minutiae.isEmpty)
        #expect(template.fingerQuality == 0)
        var image = try Fixtures.nb1010Capture()
        image.wipe()
        #expect(image.pixels.allSatisfy { $0 == 0 })
        #expect("\(image)" == "GrayImage(256×180)")
    }
}
