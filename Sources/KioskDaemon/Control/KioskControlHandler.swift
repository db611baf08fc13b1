import Foundation
import KioskControl
import KioskDevices
import KioskSync  // issue 5 (sync-status / sync-now answers)
import Logging

/// Carries out technicians' control requests against the running kiosk.
struct KioskControlHandler: ControlHandler {
    let kiosk: Kiosk
    let reload: @Sendable () async -> Result<[String], ConfigReloadError>
    let logger: Logger

    func handle(_ request: ControlRequest, from peer: PeerCredentials) async -> [UInt8] {
        switch request.command {
        case "status":
            return encode(.success(await kiosk.statusReport(now: Date())))
        case "devices":
            return encode(.success(await kiosk.devices.statuses()))
        case "simulate":
            return await simulate(request.arguments)
        case "maintenance":
            guard let state = request.arguments["state"], state == "on" || state == "off" else {
                return failure(.badArgument("maintenance needs state \"on\" or \"off\""))
            }
            do {
                try await kiosk.setMaintenance(state == "on")
            } catch {
                return failure(.failed("cannot record maintenance mode: \(error.localizedDescription)"))
            }
            let change = KioskStateChange(
                message: state == "on" ? "kiosk out of service: no session starts" : "kiosk back in service",
                devices: await kiosk.devices.statuses(), maintenance: state == "on")
            return encode(.success(change))
        case "reload":
            switch await reload() {
            case .success(let restart):
                let note = restart.isEmpty ? "" : " (restart kioskd to apply: \(restart.joined(separator: ", ")))"
                return encode(.success(ControlAcknowledgement(message: "configuration reloaded" + note)))
            case .failure(let error):
                return failure(.failed("new configuration rejected, the old one stays:\n\(error.description)"))
            }
        // MARK: issue 5 (sync): `kioskctl sync status` and `kioskctl sync now`.
        case "sync-status", "sync-now":
            guard let sync = await kiosk.sync else {
                return failure(.failed("sync is not configured (set sync.url and sync.key in the configuration)"))
            }
            if request.command == "sync-now" { await sync.requestNow() }
            return encode(.success(await sync.status()))
        default:
            return failure(.unknownCommand(request.command))
        }
    }

    private func simulate(_ arguments: [String: String]) async -> [UInt8] {
        guard let name = arguments["fault"] else { return failure(.badArgument("simulate needs a fault")) }
        let active = arguments["clear"] != "true"
        let faults: [SimulatedFault]
        if name == "all" && !active {
            faults = SimulatedFault.allCases
        } else if let fault = SimulatedFault(rawValue: name) {
            faults = [fault]
        } else {
            let known = SimulatedFault.allCases.map(\.rawValue).joined(separator: ", ")
            return failure(.badArgument("unknown fault \"\(name)\" (known: \(known))"))
        }
        var applied = 0
        for fault in faults {
            guard let device = kiosk.devices.injectable(for: fault) else { continue }
            await device.setFault(fault, active: active)
            applied += 1
        }
        guard applied > 0 else {
            return failure(.failed("the \(faults[0].device.rawValue) is a real device: faults can only be simulated on simulated devices"))
        }
        logger.notice("simulated fault \(name) \(active ? "on" : "cleared")")
        let change = KioskStateChange(
            message: active ? "fault \(name) injected" : "fault \(name) cleared",
            devices: await kiosk.devices.statuses(), maintenance: await kiosk.maintenance)
        return encode(.success(change))
    }

    private func encode<Result: Codable & Sendable>(_ response: ControlResponse<Result>) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? Array(encoder.encode(response))) ?? []
    }

    private func failure(_ error: ControlError) -> [UInt8] {
        encode(ControlResponse<ControlAcknowledgement>.failure(error))
    }
}
