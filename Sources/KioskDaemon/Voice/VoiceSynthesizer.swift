import Foundation

/// Speaks the touchscreen's phrases with espeak-ng and keeps each result as a WAV file per phrase,
/// language and rate, so a phrase is synthesised once. It never speaks or caches anything that looks
/// like a resident registration number (six or more digits or `*` in a row, `-` allowed inside).
actor VoiceSynthesizer {
    /// Why a phrase was refused; `status` is the HTTP status the API answers.
    struct Refusal: Error, Sendable {
        var status: Int
        var message: String
    }

    /// The languages the touchscreen speaks, with espeak-ng's voice for each.
    static let voices = ["ko": "ko", "en": "en"]
    /// The speech rates accepted, words per minute.
    static let rates = 80...450
    /// The longest phrase accepted, in characters.
    static let maxLength = 400

    private let command: @Sendable () async -> (program: String, cache: String)

    /// A synthesiser whose program and cache folder are read per request (a reload may change them).
    init(command: @escaping @Sendable () async -> (program: String, cache: String)) {
        self.command = command
    }

    /// Checks a phrase before anything is spoken or written.
    static func validate(lang: String, text: String, rate: Int) throws(Refusal) {
        guard voices[lang] != nil else {
            throw Refusal(status: 400, message: "lang: must be one of \(voices.keys.sorted().joined(separator: ", ")), not \"\(lang)\"")
        }
        guard rates.contains(rate) else { throw Refusal(status: 400, message: "rate: must be \(rates.lowerBound) to \(rates.upperBound) words per minute, not \(rate)") }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw Refusal(status: 400, message: "text: empty") }
        guard text.count <= maxLength else { throw Refusal(status: 400, message: "text: at most \(maxLength) characters, not \(text.count)") }
        if looksLikeResidentNumber(text) {
            throw Refusal(status: 400, message: "text: looks like a resident registration number; it is never spoken or cached")
        }
    }

    /// Whether `text` holds six or more digits (or masking stars) in a row, hyphens allowed inside.
    static func looksLikeResidentNumber(_ text: String) -> Bool {
        var run = 0
        for character in text {
            if character.isASCII && (character.isNumber || character == "*") {
                run += 1
                if run >= 6 { return true }
            } else if character != "-" {
                run = 0
            }
        }
        return false
    }

    /// The WAV bytes of `text` spoken in `lang` at `rate`, from the cache or synthesised now.
    func speak(lang: String, text: String, rate: Int) async throws(Refusal) -> Data {
        try Self.validate(lang: lang, text: text, rate: rate)
        let (program, cache) = await command()
        let key = "\(lang)-\(rate)-" + String(Self.fnv1a(Array("\(lang)\u{0}\(rate)\u{0}\(text)".utf8)), radix: 16)
        let wav = cache + "/" + key + ".wav", label = cache + "/" + key + ".txt"
        if let stored = FileManager.default.contents(atPath: label), String(decoding: stored, as: UTF8.self) == text,
           let audio = FileManager.default.contents(atPath: wav) {
            return audio
        }
        do {
            try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        } catch {
            throw Refusal(status: 503, message: "voice: cannot create the cache folder \(cache): \(error.localizedDescription)")
        }
        let input = cache + "/" + key + ".in"
        guard FileManager.default.createFile(atPath: input, contents: Data(text.utf8)) else {
            throw Refusal(status: 503, message: "voice: cannot write into the cache folder \(cache)")
        }
        defer { try? FileManager.default.removeItem(atPath: input) }
        let partial = wav + ".part"
        let status = try await Self.run(program, ["-v", Self.voices[lang]!, "-s", String(rate), "-w", partial, "-f", input])
        guard status == 0, let audio = FileManager.default.contents(atPath: partial), audio.count > 44 else {
            try? FileManager.default.removeItem(atPath: partial)
            throw Refusal(status: 503, message: "voice: \(program) failed (exit status \(status)) for language \(lang)")
        }
        try? FileManager.default.removeItem(atPath: wav)
        try? FileManager.default.moveItem(atPath: partial, toPath: wav)
        _ = FileManager.default.createFile(atPath: label, contents: Data(text.utf8))
        return audio
    }

    /// Runs `program` (looked up in `PATH` when not absolute) and returns its exit status, without
    /// blocking the cooperative pool (the termination handler resumes the caller).
    private static func run(_ program: String, _ arguments: [String]) async throws(Refusal) -> Int32 {
        let process = Process()
        if program.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try process.run() } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: error)
                }
            }
        } catch {
            throw Refusal(status: 503, message: "voice: cannot run \(program): \(error.localizedDescription)")
        }
    }

    /// 64-bit FNV-1a: the cache file name; the phrase is stored beside it and compared on a hit.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
