import Foundation
import KioskConfig
import KioskCore
import KioskControl
import KioskDevices
import KioskPrinting
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
        case "cash":  // MARK: issue 4 (sessions)
            return await cash(request.arguments)
        case "reader-test":
            let configuration = await kiosk.configuration
            let seconds = request.arguments["timeout"].flatMap(Double.init) ?? 20
            guard seconds > 0, seconds <= 3600 else { return failure(.badArgument("timeout must be between 0 and 3600 seconds")) }
            do {
                let report = try await ReaderTest.run(
                    reader: kiosk.devices.fingerprint, driver: configuration.devices["fingerprint"]?.driver ?? "simulated",
                    timeout: .milliseconds(Int(seconds * 1000)), wantImage: request.arguments["image"] == "true",
                    production: configuration.kiosk.production)
                logger.notice("reader test: quality \(report.quality), \(report.minutiae) minutiae")
                return encode(.success(report))
            } catch {
                return failure(.failed(error.description))
            }
        case "printer-test":
            let seconds = request.arguments["timeout"].flatMap(Int.init) ?? 120
            guard (1...3600).contains(seconds) else { return failure(.badArgument("timeout must be 1 to 3600 seconds")) }
            let outcome = await TestPrint.run(on: kiosk.devices.printer, timeout: .seconds(seconds))
            var report = PrinterTestReport(
                outcome: outcome.outcome, reason: outcome.reason, job: outcome.job, pages: outcome.pages,
                issuanceNumber: outcome.issuanceNumber, ledgerSequence: nil)
            if let ledger = await kiosk.ledger {
                let record = LedgerRecord(
                    kind: .testPrint, kioskID: await kiosk.configuration.kiosk.id, instant: .now(), printerJobID: report.job,
                    detail: "test number \(report.issuanceNumber): \(report.outcome)" + (report.reason.map { " (\($0))" } ?? ""))
                do {
                    report.ledgerSequence = try await ledger.append([record]).first.map { Int($0.sequence) }
                } catch {
                    report.reason = (report.reason.map { $0 + "; " } ?? "") + "not recorded in the ledger: \(error)"
                }
            }
            logger.notice("printer test: \(report.outcome)\(report.reason.map { " (\($0))" } ?? "")")
            return encode(.success(report))
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

    // MARK: issue 4 (sessions): simulated cash
    /// `cash status` (any driver's inventory; holdings too when simulated) and `cash insert WON`
    /// (simulated driver only: the resident puts money in).
    private func cash(_ arguments: [String: String]) async -> [UInt8] {
        let simulated = kiosk.devices.cash as? SimulatedCashHandler
        switch arguments["action"] {
        case "status":
            let holdings = await simulated?.currentHoldings()
            let inventory = await kiosk.devices.cash.inventory()
            let status = CashStatusReport(
                driver: simulated == nil ? "device" : "simulated",
                payout: inventory.payout.map { CashStatusReport.Level(denomination: $0.denomination.won, count: $0.count) },
                cashBox: holdings.map { box in box.cashBox.keys.sorted().map { CashStatusReport.Level(denomination: $0, count: box.cashBox[$0]!) } },
                cashBoxTotal: holdings.map { $0.cashBox.reduce(0) { $0 + $1.key * $1.value } },
                paidOut: holdings?.paidOut, noteInEscrow: await simulated?.noteInEscrow()?.won)
            return encode(.success(status))
        case "insert":
            guard let simulated else {
                return failure(.failed("the cash module is a real device: money can only be inserted into a simulated one"))
            }
            guard let text = arguments["won"], let won = Int(text), won > 0 else {
                return failure(.badArgument("cash insert needs a positive amount in won, e.g. 1000"))
            }
            await simulated.insert(Money(won: won))
            logger.info("simulated cash: \(won) won inserted")
            return encode(.success(ControlAcknowledgement(message: "\(won) won inserted")))
        case "collect":
            return await collectCash()
        case "refill":
            var coins: [Money: Int] = [:]
            for pair in (arguments["coins"] ?? "").split(separator: ",") {
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let coin = Int(parts[0]), let count = Int(parts[1]), coin > 0, count > 0 else {
                    return failure(.badArgument("refill needs COIN=COUNT pairs with positive numbers, e.g. 100=200, not \"\(pair)\""))
                }
                coins[Money(won: coin), default: 0] += count
            }
            guard !coins.isEmpty else { return failure(.badArgument("refill needs at least one --coin COIN=COUNT")) }
            return await refillCash(coins)
        default:
            return failure(.badArgument("cash needs action \"status\", \"insert\", \"collect\" or \"refill\""))
        }
    }

    /// Records what the technician took out of the cash box (ledger first), then resets the module's count.
    private func collectCash() async -> [UInt8] {
        guard let ledger = await kiosk.ledger else { return failure(.failed("the ledger is not open: nothing can be recorded")) }
        let contents = await kiosk.devices.cash.cashBoxContents()
        let total = contents.reduce(Money.zero) { $0 + $1.key * $1.value }
        let counts = contents.keys.sorted().map { "\($0.won)×\(contents[$0]!)" }.joined(separator: " ")
        var after = await CashCounters.read(kiosk.devices.cash)
        after?.box = 0
        let hoppers = await CCTalkCashRecovery.reference(kiosk.devices.cash)  // issue 9
        let record = LedgerRecord(
            kind: .cashCollected, kioskID: await kiosk.configuration.kiosk.id, instant: .now(), amount: total,
            paymentReference: after?.reference ?? hoppers, detail: counts.isEmpty ? "cash box empty" : counts)
        do {
            _ = try await ledger.append([record])
            _ = try await kiosk.devices.cash.collectCashBox()
        } catch {
            return failure(.failed("cash box collection not recorded: \(error)"))
        }
        logger.notice("cash box collected: \(total) (\(counts))")
        return encode(.success(ControlAcknowledgement(message: "cash box collected: \(total)" + (counts.isEmpty ? "" : " (\(counts))"))))
    }

    /// Records coins a technician put into the hoppers (ledger first), then adds them to the counts.
    private func refillCash(_ coins: [Money: Int]) async -> [UInt8] {
        guard let ledger = await kiosk.ledger else { return failure(.failed("the ledger is not open: nothing can be recorded")) }
        let total = coins.reduce(Money.zero) { $0 + $1.key * $1.value }
        let counts = coins.keys.sorted().map { "\($0.won)×\(coins[$0]!)" }.joined(separator: " ")
        // issue 9: a ccTalk module's hopper counts after the refill go with the entry (checked before anything is written).
        let hoppers: String?
        do throws(CashError) {
            hoppers = try await CCTalkCashRecovery.reference(kiosk.devices.cash, afterRefill: coins)
        } catch {
            return failure(.failed("refill not recorded: \(error)"))
        }
        let record = LedgerRecord(
            kind: .cashRefilled, kioskID: await kiosk.configuration.kiosk.id, instant: .now(), amount: total,
            paymentReference: hoppers, detail: counts)
        do {
            _ = try await ledger.append([record])
            try await kiosk.devices.cash.refill(coins)
        } catch {
            return failure(.failed("refill not recorded: \(error)"))
        }
        logger.notice("hoppers refilled: \(counts)")
        return encode(.success(ControlAcknowledgement(message: "hoppers refilled: \(counts)")))
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
