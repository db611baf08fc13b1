/// What Get-Printer-Attributes said about the printer, reduced to what the status mapping needs.
struct PrinterSnapshot: Sendable, Equatable {
    /// One entry of `printer-supply` (`type=toner;level=75;maxcapacity=100;…`).
    struct Supply: Sendable, Equatable {
        var type: String
        var level: Int
        var maxCapacity: Int
    }

    /// IPP printer-state: 3 idle, 4 processing, 5 stopped.
    var state: Int
    /// `printer-state-reasons` exactly as reported (suffixes included, `none` included).
    var reasons: [String]
    /// `media-ready`, nil when the printer does not report it.
    var mediaReady: [String]?
    /// `printer-supply` entries.
    var supplies: [Supply]
    /// `printer-state-message`, if any.
    var message: String?
}

extension PrinterSnapshot.Supply {
    /// Parses one `printer-supply` value: semicolon-separated `key=value` pairs. Nil without a type.
    init?(ippValue: String) {
        var fields: [String: String] = [:]
        for pair in ippValue.split(separator: ";") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            fields[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        guard let type = fields["type"] else { return nil }
        self.init(type: type, level: fields["level"].flatMap(Int.init) ?? -2,
                  maxCapacity: fields["maxcapacity"].flatMap(Int.init) ?? 100)
    }
}
