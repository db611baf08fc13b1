import KioskCore
import Foundation
import KioskPrinting
import Testing

@Suite("Document renderer")
struct DocumentRendererTests {
    static let number = "1234-5678-9012-3456"
    let renderer: DocumentRenderer

    init() throws { renderer = try DocumentRenderer() }

    private func write(_ rendered: RenderedDocument, in folder: URL, name: String = "doc") throws -> String {
        let path = folder.appendingPathComponent("\(name).pdf").path
        try Data(rendered.pdf).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("every font is embedded", arguments: DocumentFamily.allCases)
    func fontsEmbedded(family: DocumentFamily) async throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try write(renderer.render(SampleDocumentProvider.document(family, issuanceNumber: Self.number)), in: folder)
        let lines = try await Tool.run("pdffonts", [path]).split(separator: "\n").dropFirst(2)
        #expect(!lines.isEmpty)
        for line in lines {
            // name type encoding emb sub uni object ID: emb and sub are the 4th/5th columns from the right.
            let columns = line.split(separator: " ")
            #expect(columns[columns.count - 5] == "yes", "not embedded: \(line)")
            #expect(line.contains("Nanum"), "not a Nanum font: \(line)")
        }
    }

    @Test("the text layer holds the title, the number, the masked RRNs and the page footer")
    func textContent() async throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rendered = try renderer.render(SampleDocumentProvider.document(.residentRegistrationCopy, issuanceNumber: Self.number))
        #expect(rendered.pageCount == 1)
        let path = try write(rendered, in: folder)
        let text = try await Tool.run("pdftotext", ["-layout", path, "-"])
        #expect(text.contains("주민등록표 (등본)"))
        #expect(text.contains("별지 제15호서식"))
        #expect(text.contains("발급번호 \(Self.number)"))
        #expect(text.contains("900101-1******"))
        #expect(text.contains("920315-2******"))
        #expect(text.contains("page 1 of 1"))
        #expect(text.contains("2026년 11월 22일"))
        #expect(text.contains("청운효자동장"))
        #expect(!text.contains("900101-1234567"))
    }

    @Test("the QR code decodes to the verification URL with the number")
    func qrCode() async throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = SampleDocumentProvider.document(.familyRelations, issuanceNumber: Self.number)
        let path = try write(renderer.render(document), in: folder)
        _ = try await Tool.run("pdftoppm", ["-png", "-r", "150", "-singlefile", path, folder.appendingPathComponent("page").path])
        let decoded = try await Tool.run("zbarimg", ["--quiet", "--raw", folder.appendingPathComponent("page.png").path])
        let expected = DocumentRenderer.verificationPayload(url: document.verificationURL, number: Self.number)
        #expect(decoded.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
        #expect(expected.hasSuffix("?number=\(Self.number)"))
    }

    @Test("a 40-row address history flows over pages with the number and page i of n on each")
    func pagination() async throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rendered = try renderer.render(SampleDocumentProvider.document(
            .residentRegistrationAbstract, issuanceNumber: Self.number, addressHistoryRows: 40))
        let path = try write(rendered, in: folder)
        #expect(rendered.pageCount >= 2)
        let info = try await Tool.run("pdfinfo", [path])
        #expect(info.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" \(rendered.pageCount)") })
        var rowsSeen = 0
        for page in 1...rendered.pageCount {
            let text = try await Tool.run("pdftotext", ["-layout", "-f", "\(page)", "-l", "\(page)", path, "-"])
            #expect(text.contains("발급번호 \(Self.number)"), "page \(page) lacks the number")
            #expect(text.contains("page \(page) of \(rendered.pageCount)"))
            #expect(text.contains("주민등록표 (초본)"))
            // Every page that holds rows repeats the table header.
            let rows = text.split(separator: "\n").filter { $0.contains("동 ") && $0.contains("호") && $0.contains("-") }
            if !rows.isEmpty { #expect(text.contains("변동 사유")) }
            rowsSeen += rows.count
        }
        #expect(rowsSeen == 40)
        let last = try await Tool.run("pdftotext", ["-f", "\(rendered.pageCount)", "-l", "\(rendered.pageCount)", path, "-"])
        #expect(last.contains("청운효자동장"))
    }

    @Test("the same document renders to the same bytes; another number changes them")
    func determinism() throws {
        let document = SampleDocumentProvider.document(.landParcel, issuanceNumber: Self.number)
        let first = try renderer.render(document)
        let second = try DocumentRenderer().render(document)
        #expect(first.pdf == second.pdf)
        var other = document
        other.issuanceNumber = "1234-5678-9012-3457"
        #expect(try renderer.render(other).pdf != first.pdf)
    }

    @Test("bad input is refused with an error naming the problem")
    func badInput() throws {
        var document = SampleDocumentProvider.document(.residentRegistrationCopy, issuanceNumber: Self.number)
        document.issuanceNumber = "1234-5678-9012-345"
        #expect(throws: DocumentRenderError.invalidIssuanceNumber("1234-5678-9012-345")) { try renderer.render(document) }
        document.issuanceNumber = Self.number
        document.content.sections.append(DocumentSection(heading: "깨진 표", body: .table(DocumentTable(
            columns: [.init("가"), .init("나")], rows: [["하나"]]))))
        #expect(throws: DocumentRenderError.malformedTable(section: "깨진 표", row: 1, cells: 1, columns: 2)) {
            try renderer.render(document)
        }
        document.content.sections.removeLast()
        document.content.sections.append(DocumentSection(heading: nil, body: .paragraph("이모지 🙂 는 인쇄할 수 없음")))
        #expect(throws: DocumentRenderError.missingGlyph(character: "🙂", font: "NanumMyeongjo")) {
            try renderer.render(document)
        }
    }

    @Test("the issue date must be a calendar date")
    func dates() throws {
        #expect(throws: DocumentRenderError.invalidDate("2026-2-29")) { try IssueDate(year: 2026, month: 2, day: 29) }
        #expect(try IssueDate(year: 2028, month: 2, day: 29).korean == "2028년 2월 29일")
    }
}
