/// Finds the line of every key, table header and multi-line array element in TOML text by a light
/// scan (TOMLKit does not expose positions of values). Paths use the same form as `ConfigNode.keyPath`.
struct TOMLLineIndex {
    private var lines: [String: Int] = [:]

    init(text: String) {
        var currentTable = ""
        var arrayCounts: [String: Int] = [:]
        let sourceLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var number = 0
        while number < sourceLines.count {
            let raw = sourceLines[number]
            let lineNumber = number + 1
            number += 1
            let trimmed = raw.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("[[") {
                let name = Self.headerName(trimmed, brackets: 2)
                let segments = Self.splitKey(name)
                let parent = resolve(Array(segments.dropLast()), arrayCounts: arrayCounts)
                let path = parent.isEmpty ? segments.last! : parent + "." + segments.last!
                recordPrefixes(of: parent, lineNumber)
                let count = arrayCounts[path, default: 0]
                arrayCounts[path] = count + 1
                currentTable = "\(path)[\(count)]"
                record(path, lineNumber)
                record(currentTable, lineNumber)
                continue
            }
            if trimmed.hasPrefix("[") {
                let name = Self.headerName(trimmed, brackets: 1)
                currentTable = resolve(Self.splitKey(name), arrayCounts: arrayCounts)
                recordPrefixes(of: currentTable, lineNumber)
                continue
            }
            guard let equals = Self.indexOfAssignment(in: trimmed) else { continue }
            let keyText = String(trimmed[..<equals])
            let keySegments = Self.splitKey(keyText)
            var path = currentTable
            for segment in keySegments {
                path = path.isEmpty ? segment : path + "." + segment
                record(path, lineNumber)
            }
            // Follow a value that spans lines (arrays, multi-line strings), recording element lines.
            var scanner = ValueScanner()
            var valueText = String(trimmed[trimmed.index(after: equals)...])
            var valueLine = lineNumber
            while true {
                scanner.scan(valueText) { elementIndex in record("\(path)[\(elementIndex)]", valueLine) }
                if scanner.isComplete || number >= sourceLines.count { break }
                valueText = sourceLines[number]
                number += 1
                valueLine = number
            }
        }
    }

    /// The line of `keyPath`, or of its nearest recorded ancestor.
    func line(of keyPath: String) -> Int? {
        var path = Substring(keyPath)
        while !path.isEmpty {
            if let line = lines[String(path)] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        return nil
    }

    /// A key as it appears in a key path: bare keys as written, others quoted.
    static func segment(_ key: String) -> String {
        key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } && !key.isEmpty
            ? key : "\"\(key)\""
    }

    private mutating func record(_ path: String, _ line: Int) {
        if lines[path] == nil { lines[path] = line }
    }

    private mutating func recordPrefixes(of path: String, _ line: Int) {
        var prefix = ""
        for segment in path.split(separator: ".") {
            prefix = prefix.isEmpty ? String(segment) : prefix + "." + segment
            record(prefix, line)
        }
    }

    private func resolve(_ segments: [String], arrayCounts: [String: Int]) -> String {
        var path = ""
        for segment in segments {
            path = path.isEmpty ? segment : path + "." + segment
            if let count = arrayCounts[path] { path += "[\(count - 1)]" }
        }
        return path
    }

    private static func headerName(_ trimmed: String, brackets: Int) -> String {
        var text = Substring(trimmed.dropFirst(brackets))
        if let close = text.firstIndex(of: "]") { text = text[..<close] }
        return String(text)
    }

    /// Splits `a."b.c".d` into ["a", "\"b.c\"", "d"] normalised the way `segment` writes them.
    static func splitKey(_ text: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                segments.append(segment(current.trimmingWhitespace()))
                current = ""
            } else {
                current.append(character)
            }
        }
        segments.append(segment(current.trimmingWhitespace()))
        return segments
    }

    private static func indexOfAssignment(in text: String) -> String.Index? {
        var quote: Character?
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" {
                return index
            }
        }
        return nil
    }
}

/// Tracks brackets and strings across the lines of one value.
private struct ValueScanner {
    private var depth = 0
    private var started = false
    private var inString: String?  // the closing delimiter of the open string
    private var elementIndex = 0
    private var elementOpen = false

    var isComplete: Bool { started && depth == 0 && inString == nil }

    mutating func scan(_ text: String, elementStart: (Int) -> Void) {
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if let closing = inString {
                if rest.hasPrefix(closing) {
                    index = text.index(index, offsetBy: closing.count)
                    inString = nil
                    continue
                }
                if closing == "\"" && rest.hasPrefix("\\") {
                    index = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
                    continue
                }
                index = text.index(after: index)
                continue
            }
            let character = text[index]
            if character == "#" { break }
            if character == " " || character == "\t" || character == "\r" {
                index = text.index(after: index)
                continue
            }
            started = true
            if depth == 1 && !elementOpen && character != "]" && character != "," {
                elementStart(elementIndex)
                elementOpen = true
            }
            for delimiter in ["\"\"\"", "'''", "\"", "'"] where rest.hasPrefix(delimiter) {
                inString = delimiter
                index = text.index(index, offsetBy: delimiter.count)
                break
            }
            if inString != nil { continue }
            switch character {
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            case "," where depth == 1:
                elementIndex += 1
                elementOpen = false
            default: break
            }
            index = text.index(after: index)
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
