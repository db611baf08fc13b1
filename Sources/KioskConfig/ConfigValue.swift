/// A parsed TOML value with the line it was written on, in types we own (TOMLKit stays inside this module).
public indirect enum ConfigValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    /// A TOML date, time or date-time, kept as its ISO text.
    case dateTime(String)
    case array([ConfigNode])
    case table(ConfigTable)

    /// The TOML type name used in error messages ("string", "integer", …).
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .bool: "boolean"
        case .dateTime: "date-time"
        case .array: "array"
        case .table: "table"
        }
    }
}

/// A value, the dotted key path that names it ("devices.printer.uri", "documents[3].code") and its line.
public struct ConfigNode: Sendable, Equatable {
    /// The value itself.
    public var value: ConfigValue
    /// Dotted path from the document root; array elements as `[index]`.
    public var keyPath: String
    /// 1-based line in the source file where the key (or table header) was written; 0 when unknown.
    public var line: Int

    /// A node with its value, path and line.
    public init(value: ConfigValue, keyPath: String, line: Int) {
        self.value = value
        self.keyPath = keyPath
        self.line = line
    }
}

/// A TOML table: keys in source order with their nodes.
public struct ConfigTable: Sendable, Equatable {
    /// Keys and nodes, in the order they appear in the file.
    public var entries: [(key: String, node: ConfigNode)]
    /// Dotted path of the table itself ("" for the root).
    public var keyPath: String
    /// Line of the table's header (or of its first key); 0 for the root.
    public var line: Int

    /// A table with entries in order.
    public init(entries: [(key: String, node: ConfigNode)], keyPath: String, line: Int) {
        self.entries = entries
        self.keyPath = keyPath
        self.line = line
    }

    /// The node stored under `key`, if any.
    public subscript(key: String) -> ConfigNode? {
        entries.first { $0.key == key }?.node
    }

    /// The keys in source order.
    public var keys: [String] { entries.map(\.key) }

    public static func == (lhs: ConfigTable, rhs: ConfigTable) -> Bool {
        lhs.keyPath == rhs.keyPath && lhs.line == rhs.line && lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.node == $1.node }
    }
}
