import ArgumentParser
import KioskControl
import KioskDevices

/// `kioskctl devices`: every device's state and details.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "devices", abstract: "Each device's state and details.")

    @OptionGroup var options: ControlOptions

    func run() throws {
        let devices = try options.send(ControlRequest(command: "devices"), expecting: [DeviceStatus].self)
        if options.json { return try options.printJSON(devices) }
        print(Self.table(devices))
    }

    static func table(_ devices: [DeviceStatus]) -> String {
        var rows = [["DEVICE", "DRIVER", "STATE", "DETAILS"]]
        for device in devices {
            var details: [String] = []
            if let reason = device.reason { details.append(reason) }
            if let paper = device.details.paper { details.append("paper \(paper.rawValue)") }
            if let toner = device.details.toner { details.append("toner \(toner.rawValue)") }
            if device.details.coverOpen == true { details.append("cover open") }
            if device.details.jammed == true { details.append("jammed") }
            for level in device.details.cashLevels ?? [] { details.append("\(level.denomination)×\(level.count) \(level.level.rawValue)") }
            rows.append([device.kind.rawValue, device.driver, device.state.rawValue, details.joined(separator: ", ")])
        }
        return aligned(rows)
    }
}
