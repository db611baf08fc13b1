/// One problem found in a configuration or catalog file, printed as `file:line: key: what is wrong`.
public struct ConfigDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file (missing, unreadable).
    public var line: Int
    /// Dotted key path the problem concerns ("" for the whole file).
    public var key: String
    /// What is wrong, in words a technician understands.
    public var message: String

    /// A diagnostic for `key` at `file:line`.
    public init(file: String, line: Int, key: String, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `file:line: key: message` (the key part is omitted when empty).
    public var description: String {
        key.isEmpty ? "\(file):\(line): \(message)" : "\(file):\(line): \(key): \(message)"
    }
}

/// Every problem found in one file; thrown when there is at least one.
public struct ConfigDiagnostics: Error, Sendable, CustomStringConvertible {
    /// The problems in file order.
    public var diagnostics: [ConfigDiagnostic]

    /// Wraps a non-empty list of problems.
    public init(_ diagnostics: [ConfigDiagnostic]) {
        self.diagnostics = diagnostics.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// One problem per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
