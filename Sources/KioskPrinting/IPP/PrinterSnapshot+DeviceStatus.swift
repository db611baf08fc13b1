public import KioskDevices

extension PrinterSnapshot {
    /// The device status this snapshot means: paper, toner, cover and jam details, the raw conditions,
    /// and the state with a technician's reason (the first fault in order of severity).
    func deviceStatus(media: String, tonerLowPercent: Int) -> DeviceStatus {
        let reasons = PrinterStateReasons.normalized(self.reasons)
        let has = Set(reasons)
        var details = DeviceDetails(conditions: reasons)
        details.jammed = has.contains("media-jam")
        details.coverOpen = !has.isDisjoint(with: ["cover-open", "door-open", "interlock-open"])
        let mediaMissing = mediaReady.map { !$0.contains(media) } ?? false
        details.paper =
            if !has.isDisjoint(with: ["media-empty", "media-needed", "input-tray-missing"]) || mediaMissing { .empty }
            else if has.contains("media-low") { .low }
            else { .ok }
        let toner = supplies.first { $0.type == "toner" }
        details.toner =
            if !has.isDisjoint(with: ["toner-empty", "marker-supply-empty"]) { .empty }
            else if !has.isDisjoint(with: ["toner-low", "marker-supply-low"]) { .low }
            else if let toner, toner.level >= 0, toner.maxCapacity > 0 {
                toner.level == 0 ? .empty : (toner.level * 100 / toner.maxCapacity <= tonerLowPercent ? .low : .ok)
            } else { .unknown }
        if mediaMissing && !has.contains("media-empty") { details.conditions.append("media-not-ready") }

        let (state, reason): (DeviceState, String?) =
            if details.jammed == true { (.hardwareError, "paper jam") }
            else if has.contains("marker-waste-full") { (.hardwareError, "waste toner container full") }
            else if details.toner == .empty { (.hardwareError, "toner empty") }
            else if details.paper == .empty {
                (.userError, mediaMissing && !has.contains("media-empty") ? "no \(media) paper loaded" : "out of paper")
            }
            else if details.coverOpen == true { (.userError, "cover open") }
            else if has.contains("paused") || has.contains("shutdown") || has.contains("offline") {
                (.offline, "printer is \(has.contains("paused") ? "paused" : "offline")")
            }
            else if state == 5 { (.hardwareError, "printer stopped: \(message ?? reasons.joined(separator: ", "))") }
            else if state == 4 { (.busy, "printing") }
            else { (.online, nil) }
        return DeviceStatus(kind: .printer, driver: "ipp", state: state, reason: reason, details: details)
    }

    /// The status of a printer that did not answer.
    static func unreachableStatus(_ why: String) -> DeviceStatus {
        DeviceStatus(kind: .printer, driver: "ipp", state: .offline, reason: "printer does not answer: \(why)",
                     details: DeviceDetails(paper: .unknown, toner: .unknown, conditions: ["offline"]))
    }
}

extension DeviceStatus {
    /// True when this printer status allows selling a printed document now: the printer answers, has
    /// paper and toner, no jam, cover closed. The daemon takes printed documents out of the menu when
    /// this is false (before any money is taken).
    public var canPrintDocuments: Bool {
        kind == .printer && state.isUsable && details.paper != .empty && details.toner != .empty
            && details.jammed != true && details.coverOpen != true
    }
}
