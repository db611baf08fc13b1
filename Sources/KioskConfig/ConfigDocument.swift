import TOMLKit

/// Parses TOML text into `ConfigTable`s whose every key knows its line, so that loaders can report
/// `file:line: key: problem`. TOMLKit does the parsing; `TOMLLineIndex` finds the lines it does not keep.
public enum ConfigDocument {
    /// Parses `text` (named `file` in diagnostics). Throws `ConfigDiagnostics` with the syntax error's line.
    public static func parse(_ text: String, file: String) throws(ConfigDiagnostics) -> ConfigTable {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigDiagnostics([
                ConfigDiagnostic(file: file, line: error.source.begin.line, key: "", message: "TOML syntax: \(error.description)")
            ])
        } catch {
            throw ConfigDiagnostics([ConfigDiagnostic(file: file, line: 0, key: "", message: "TOML syntax: \(error)")])
        }
        let index = TOMLLineIndex(text: text)
        return convert(table: root, keyPath: "", line: 0, index: index)
    }

    private static func convert(table: TOMLTable, keyPath: String, line: Int, index: TOMLLineIndex) -> ConfigTable {
        var entries: [(key: String, node: ConfigNode)] = []
        for key in table.keys {
            guard let value = table[key] else { continue }
            let childPath = keyPath.isEmpty ? TOMLLineIndex.segment(key) : keyPath + "." + TOMLLineIndex.segment(key)
            let childLine = index.line(of: childPath) ?? line
            entries.append((key, convert(value: value, keyPath: childPath, line: childLine, index: index)))
        }
        entries.sort { $0.node.line < $1.node.line }
        return ConfigTable(entries: entries, keyPath: keyPath, line: line)
    }

    private static func convert(value: any TOMLValueConvertible, keyPath: String, line: Int, index: TOMLLineIndex) -> ConfigNode {
        let converted: ConfigValue
        switch value.type {
        case .table:
            converted = .table(convert(table: value.table!, keyPath: keyPath, line: line, index: index))
        case .array:
            var elements: [ConfigNode] = []
            for (offset, element) in value.array!.enumerated() {
                let elementPath = "\(keyPath)[\(offset)]"
                let elementLine = index.line(of: elementPath) ?? line
                elements.append(convert(value: element, keyPath: elementPath, line: elementLine, index: index))
            }
            converted = .array(elements)
        case .string:
            converted = .string(value.string ?? "")
        case .int:
            converted = .integer(value.int ?? 0)
        case .double:
            converted = .float(value.double ?? 0)
        case .bool:
            converted = .bool(value.bool ?? false)
        default:
            converted = .dateTime(value.debugDescription)
        }
        return ConfigNode(value: converted, keyPath: keyPath, line: line)
    }
}
