import Foundation
import KioskCore
import KioskPrinting
import KioskRegistry
import KioskTestSupport
import Testing

/// The registry's content survives the JSON round trip central will send it through, and the renderer
/// turns it into a PDF to a PDF that shows the resident's household (read back with pdftotext).
@Suite struct RegistryRenderingTests {
    @Test func householdCopyRendersWithEveryMember() async throws {
        let secret = Data("central-test-secret".utf8)
        let registry = SyntheticRegistry(.init(seed: 8, households: 20, asOf: LocalDate(year: 2026, month: 11, day: 1)!, syntheticThumbs: 0))
        let household = try #require(registry.households.first { $0.members.count >= 3 })
        let head = registry.residents[household.head]
        let identity = VerifiedIdentity(
            resident: ResidentReference(residentNumberDigits: head.residentNumber.unmaskedDigits, secret: secret),
            exemptions: head.exemptions, method: .fingerprint, verifiedAt: Date(timeIntervalSince1970: 1_800_000_000))
        let data = try await RegistryDocumentSource(registry: registry, secret: secret).content(
            for: DocumentRequest(code: "RR-DEUNGBON", identity: identity, options: ["mask-rrn": "mask"], at: identity.verifiedAt))

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(data)
        let content = try JSONDecoder().decode(DocumentContent.self, from: json)
        #expect(content.family == .residentRegistrationCopy && content.title == data.title)
        #expect(try encoder.encode(content) == json)

        let rendered = try DocumentRenderer().render(IssuedDocument(
            content: content, options: [DocumentField("주민등록번호 뒷자리", "비공개")], issueDate: try IssueDate(year: 2026, month: 11, day: 20),
            authority: "당진시장", issuanceNumber: "0000-0000-0000-0001", verificationURL: "https://example.test/verify"))
        let directory = try TemporaryDirectory(prefix: "registry-render")
        let path = directory.file("deungbon.pdf")
        try Data(rendered.pdf).write(to: URL(fileURLWithPath: path))
        let text = try await runProcess("/usr/bin/pdftotext", [path, "-"])
        #expect(text.status == 0, "\(text.stderr)")
        for id in household.members {
            let member = registry.residents[id]
            #expect(text.stdout.contains(member.name), "the PDF lacks \(member.name)")
            #expect(text.stdout.contains(member.residentNumber.masked), "the PDF lacks \(member.residentNumber.masked)")
        }
    }
}
