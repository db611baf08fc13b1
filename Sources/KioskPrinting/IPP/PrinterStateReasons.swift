/// `printer-state-reasons` and supply levels turned into the kiosk's device status.
public enum PrinterStateReasons {
    /// Reasons that stop a job until someone acts: a job waiting on them reads as held.
    public static let blocking: Set<String> = [
        "media-empty", "media-needed", "media-jam", "cover-open", "door-open", "interlock-open",
        "input-tray-missing", "toner-empty", "marker-supply-empty", "marker-waste-full", "paused",
    ]

    /// Drops `none` and the `-report`/`-warning`/`-error` severity suffixes; keeps order, no duplicates.
    public static func normalized(_ reasons: [String]) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for reason in reasons where reason != "none" && !reason.isEmpty {
            var name = reason
            for suffix in ["-report", "-warning", "-error"] where name.hasSuffix(suffix) {
                name = String(name.dropLast(suffix.count))
            }
            if seen.insert(name).inserted { result.append(name) }
        }
        return result
    }
}
