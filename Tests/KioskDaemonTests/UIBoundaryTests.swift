import Testing

@testable import KioskDaemon

/// The touchscreen listener's pure checks: which Host/Origin values count as the kiosk's own page,
/// and which phrases the voice refuses to speak or cache (anything like a resident number).
@Suite struct UIBoundaryTests {
    @Test(arguments: ["127.0.0.1", "127.0.0.1:8080", "localhost", "localhost:80", "[::1]:8080", "[::1]"])
    func loopbackHosts(_ host: String) {
        #expect(LocalOriginOnly.isLoopbackHost(host))
    }

    @Test(arguments: ["evil.example", "127.0.0.1.evil.example", "127.0.0.1:80x", "10.0.0.1:8080", "", "[::2]:80", "localhost.evil:80", "127.0.0:80"])
    func foreignHosts(_ host: String) {
        #expect(!LocalOriginOnly.isLoopbackHost(host))
    }

    @Test func origins() {
        #expect(LocalOriginOnly.isLoopbackOrigin("http://127.0.0.1:8080"))
        #expect(LocalOriginOnly.isLoopbackOrigin("http://localhost"))
        #expect(!LocalOriginOnly.isLoopbackOrigin("https://127.0.0.1"))
        #expect(!LocalOriginOnly.isLoopbackOrigin("http://evil.example"))
        #expect(!LocalOriginOnly.isLoopbackOrigin("null"))
    }

    @Test(arguments: ["9001011234567", "900101-1234567", "900101-1******", "주민번호 900101 입니다", "123456"])
    func residentNumbersAreNeverSpoken(_ text: String) {
        #expect(VoiceSynthesizer.looksLikeResidentNumber(text))
        #expect(throws: VoiceSynthesizer.Refusal.self) { try VoiceSynthesizer.validate(lang: "ko", text: text, rate: 175) }
    }

    @Test(arguments: ["수수료는 1,000원입니다", "10,000 won", "남은 시간 120초", "발급번호는 영수증에 있습니다"])
    func ordinaryPhrasesAreSpoken(_ text: String) throws {
        #expect(!VoiceSynthesizer.looksLikeResidentNumber(text))
        try VoiceSynthesizer.validate(lang: "ko", text: text, rate: 175)
    }

    @Test func badVoiceParameters() {
        #expect(throws: VoiceSynthesizer.Refusal.self) { try VoiceSynthesizer.validate(lang: "fr", text: "bonjour", rate: 175) }
        #expect(throws: VoiceSynthesizer.Refusal.self) { try VoiceSynthesizer.validate(lang: "ko", text: "안녕", rate: 10) }
        #expect(throws: VoiceSynthesizer.Refusal.self) { try VoiceSynthesizer.validate(lang: "ko", text: "  ", rate: 175) }
        #expect(throws: VoiceSynthesizer.Refusal.self) { try VoiceSynthesizer.validate(lang: "ko", text: String(repeating: "가", count: 401), rate: 175) }
    }

    @Test func staticFilesStayInsideTheRoot() {
        for path in ["../etc/kiosk.toml", ".hidden", "a//b", "", "x/../../y", "ok%2F..", "index.html\u{0}", "/etc/passwd", "ui/.git/config"] {
            #expect(!UIStaticFiles.isPlainPath(path), "\(path)")
        }
        for path in ["index.html", "app.js", "fonts/NanumGothic.ttf", "a-b_c.d"] {
            #expect(UIStaticFiles.isPlainPath(path), "\(path)")
        }
    }
}
