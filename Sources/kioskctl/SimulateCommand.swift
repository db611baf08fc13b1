import ArgumentParser
import KioskControl
import KioskDevices

/// `kioskctl simulate FAULT [--clear]`: injects or clears a fault on a simulated device.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Inject a fault into a simulated device (or clear it), to show an error path.",
        discussion: "Faults: " + SimulatedFault.allCases.map(\.rawValue).joined(separator: ", ") + ". `--clear all` clears every fault.")

    @Argument(help: "The fault, e.g. paper-out, jam, card-declined.")
    var fault: String

    @Flag(name: .long, help: "Clear the fault instead of injecting it.")
    var clear = false

    @OptionGroup var options: ControlOptions

    func run() throws {
        let change = try options.send(
            ControlRequest(command: "simulate", arguments: ["fault": fault, "clear": clear ? "true" : "false"]),
            expecting: KioskStateChange.self)
        if options.json { return try options.printJSON(change) }
        print(change.message)
        print(DevicesCommand.table(change.devices))
    }
}

/// `kioskctl maintenance on|off`: takes the kiosk out of service or puts it back.
struct MaintenanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance", abstract: "Out of service (the screen shows a notice, no session starts) or back in service.")

    enum State: String, ExpressibleByArgument, CaseIterable { case on, off }

    @Argument(help: "on or off")
    var state: State

    @OptionGroup var options: ControlOptions

    func run() throws {
        let change = try options.send(
            ControlRequest(command: "maintenance", arguments: ["state": state.rawValue]), expecting: KioskStateChange.self)
        if options.json { return try options.printJSON(change) }
        print(change.message)
    }
}

/// `kioskctl reload`: asks kioskd to reload its configuration (like SIGHUP), and says whether it took it.
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "Reload kioskd's configuration; an invalid file is rejected and the old one stays.")

    @OptionGroup var options: ControlOptions

    func run() throws {
        let answer = try options.send(ControlRequest(command: "reload"), expecting: ControlAcknowledgement.self)
        if options.json { return try options.printJSON(answer) }
        print(answer.message)
    }
}
