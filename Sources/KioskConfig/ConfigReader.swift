/// Reads typed values out of `ConfigTable`s while collecting every problem (never stopping at the
/// first), so a loader can report all of a file's errors at once.
public struct ConfigReader: Sendable {
    /// The file name used in diagnostics.
    public let file: String
    /// Problems found so far, in the order found.
    public private(set) var diagnostics: [ConfigDiagnostic] = []

    /// A reader reporting problems against `file`.
    public init(file: String) { self.file = file }

    /// Records a problem with `keyPath` at `line`.
    public mutating func report(line: Int, key: String, _ message: String) {
        diagnostics.append(ConfigDiagnostic(file: file, line: line, key: key, message: message))
    }

    /// Records a problem found elsewhere (e.g. in the catalog file) as it is.
    public mutating func append(_ diagnostic: ConfigDiagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Records a problem with a node.
    public mutating func report(_ node: ConfigNode, _ message: String) {
        report(line: node.line, key: node.keyPath, message)
    }

    /// Reports every key of `table` that is not in `allowed` as unknown.
    public mutating func rejectUnknownKeys(_ table: ConfigTable, allowed: Set<String>) {
        for (key, node) in table.entries where !allowed.contains(key) {
            let known = allowed.sorted().joined(separator: ", ")
            report(node, "unknown key (known keys here: \(known))")
        }
    }

    private mutating func missing(_ table: ConfigTable, _ key: String, _ type: String) {
        let path = table.keyPath.isEmpty ? key : "\(table.keyPath).\(key)"
        report(line: table.line, key: path, "required \(type) is missing")
    }

    private mutating func wrongType(_ node: ConfigNode, expected: String) {
        report(node, "expected \(expected), found \(node.value.typeName)")
    }

    /// The string under `key`; reports a wrong type, or absence when `required`.
    public mutating func string(_ table: ConfigTable, _ key: String, required: Bool = false) -> String? {
        guard let node = table[key] else {
            if required { missing(table, key, "string") }
            return nil
        }
        guard case .string(let value) = node.value else { wrongType(node, expected: "a string"); return nil }
        return value
    }

    /// The integer under `key`, optionally checked against `range`.
    public mutating func integer(
        _ table: ConfigTable, _ key: String, required: Bool = false, in range: ClosedRange<Int>? = nil
    ) -> Int? {
        guard let node = table[key] else {
            if required { missing(table, key, "integer") }
            return nil
        }
        guard case .integer(let value) = node.value else { wrongType(node, expected: "an integer"); return nil }
        if let range, !range.contains(value) {
            report(node, "\(value) is out of range \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return value
    }

    /// The boolean under `key`.
    public mutating func bool(_ table: ConfigTable, _ key: String, required: Bool = false) -> Bool? {
        guard let node = table[key] else {
            if required { missing(table, key, "boolean") }
            return nil
        }
        guard case .bool(let value) = node.value else { wrongType(node, expected: "true or false"); return nil }
        return value
    }

    /// The table under `key`.
    public mutating func table(_ table: ConfigTable, _ key: String, required: Bool = false) -> ConfigTable? {
        guard let node = table[key] else {
            if required { missing(table, key, "table") }
            return nil
        }
        guard case .table(let value) = node.value else { wrongType(node, expected: "a table"); return nil }
        return value
    }

    /// The array under `key`, as nodes.
    public mutating func array(_ table: ConfigTable, _ key: String, required: Bool = false) -> [ConfigNode]? {
        guard let node = table[key] else {
            if required { missing(table, key, "array") }
            return nil
        }
        guard case .array(let value) = node.value else { wrongType(node, expected: "an array"); return nil }
        return value
    }

    /// The array of strings under `key`; non-string elements are reported.
    public mutating func strings(_ table: ConfigTable, _ key: String, required: Bool = false) -> [String]? {
        guard let nodes = array(table, key, required: required) else { return nil }
        var result: [String] = []
        for node in nodes {
            guard case .string(let value) = node.value else { wrongType(node, expected: "a string"); continue }
            result.append(value)
        }
        return result
    }

    /// The array of tables under `key` (`[[key]]` or an array of inline tables).
    public mutating func tables(_ table: ConfigTable, _ key: String, required: Bool = false) -> [ConfigTable]? {
        guard let nodes = array(table, key, required: required) else { return nil }
        var result: [ConfigTable] = []
        for node in nodes {
            guard case .table(let value) = node.value else { wrongType(node, expected: "a table"); continue }
            result.append(value)
        }
        return result
    }

    /// Throws every collected problem, if any.
    public func finish() throws(ConfigDiagnostics) {
        if !diagnostics.isEmpty { throw ConfigDiagnostics(diagnostics) }
    }
}
