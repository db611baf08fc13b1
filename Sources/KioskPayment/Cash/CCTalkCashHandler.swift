public import KioskCore
public import KioskDevices

/// The kiosk's cash module over ccTalk: a coin acceptor, a bill validator with escrow and coin hoppers.
///
/// Lifecycle: `init` opens the serial ports; `start()` polls and identifies every device, checks the
/// channel values, inhibits acceptance and enables the hoppers; `run()` polls the event buffers until
/// cancelled (the daemon runs it as a service; tests call `pollOnce()` instead). Hopper coin counts
/// are kept by the host (hoppers only sense low/empty): the daemon restores them from the ledger with
/// `setHopperCount` and every payout decrements them by what the hopper reports paid.
///
/// Every credit it hands out carries its device's event counter (`CashEvent.coinAccepted(_, eventCounter:)`,
/// `lastStackedNote()`); `ledgerEventCounters(recording:)` gives the counters a ledger entry may record
/// (every credit up to them recorded) and `creditRecorded(_:)` is how the daemon says an entry is
/// written. `start()` reads the acceptor's and validator's buffers once (`eventBuffersAtStart()`) so the
/// daemon can record credits a previous run never polled.
public actor CCTalkCashHandler: CashHandler {
    /// Always `.cash`.
    public nonisolated let kind = DeviceKind.cash
    /// The configuration it runs.
    public let configuration: CCTalkCashConfiguration

    private struct HopperUnit {
        var config: CCTalkCashConfiguration.Hopper
        var driver: CCTalkHopper
        var count: Int
        var sensorLow = false
        var jammed = false
        var empty = false
        /// The payout event counter as the host last knows it (nil: unknown).
        var payoutCounter: UInt8?
        /// The payout status read at `start()`.
        var statusAtStart: CCTalkHopperStatus?
    }

    private enum RouteOutcome {
        case stacked(Money)
        case returned(Money)
    }

    private let coinAcceptor: CCTalkCoinAcceptor?
    private let billValidator: CCTalkBillValidator?
    private var hoppers: [HopperUnit]
    private var enabled: Set<Money> = []
    private var escrow: Money?
    private var pendingRoute: CCTalkBillValidator.Route?
    private var routeOutcome: RouteOutcome?
    private var unreachable: [String: String] = [:]
    private var fraud: String?
    private var acceptorJam: String?
    private var stackerFull = false
    private var cashBox: [Money: Int] = [:]
    private var returnedNoteAtStart = false
    private var coinCredits = CCTalkCreditTracker()
    private var billCredits = CCTalkCreditTracker()
    private var stackedNoteCounter: UInt8?
    private var coinBufferAtStart: CCTalkEventBuffer.Update?
    private var billBufferAtStart: CCTalkEventBuffer.Update?
    private var identities: [String: CCTalkDeviceIdentity] = [:]
    private let events = EventBroadcaster<CashEvent>()
    private let broadcaster: StatusBroadcaster<DeviceStatus>

    /// Opens the buses (one per distinct serial port) of `configuration`.
    /// - Parameter hopperCounts: coins in each hopper by denomination (from the ledger); missing ones start at 0.
    /// - Throws: `CashError.deviceError` naming every configuration problem, or the port that cannot be opened.
    public init(configuration: CCTalkCashConfiguration, hopperCounts: [Money: Int] = [:]) throws(CashError) {
        let problems = configuration.problems()
        guard problems.isEmpty else { throw .deviceError("ccTalk configuration: " + problems.joined(separator: "; ")) }
        var buses: [String: CCTalkBus] = [:]
        func bus(_ path: String) throws(CashError) -> CCTalkBus {
            if let bus = buses[path] { return bus }
            do {
                let bus = try CCTalkBus(path: path, options: configuration.bus)
                buses[path] = bus
                return bus
            } catch {
                throw .deviceError(error.description)
            }
        }
        self.configuration = configuration
        coinAcceptor = try configuration.coinAcceptor.map { config throws(CashError) in CCTalkCoinAcceptor(bus: try bus(config.port), address: config.address) }
        billValidator = try configuration.billValidator.map { config throws(CashError) in CCTalkBillValidator(bus: try bus(config.port), address: config.address) }
        var units: [HopperUnit] = []
        for hopper in configuration.hoppers.sorted(by: { $0.coin > $1.coin }) {
            units.append(HopperUnit(config: hopper, driver: CCTalkHopper(bus: try bus(hopper.port), address: hopper.address), count: max(0, hopperCounts[hopper.coin] ?? 0)))
        }
        hoppers = units
        broadcaster = StatusBroadcaster(initial: DeviceStatus(kind: .cash, driver: "cctalk", state: .offline, reason: "not started"))
    }

    // MARK: KioskDevice

    /// The module's status: offline (a device not answering, named), fraud, jams, no change, or online.
    public func status() -> DeviceStatus { broadcaster.latest }
    /// Every status change from now on (the latest first).
    public nonisolated func statusEvents() -> AsyncStream<DeviceStatus> { broadcaster.subscribe() }
    /// Coins credited, notes in escrow, rejections, fraud and faults as `pollOnce()` finds them.
    public nonisolated func cashEvents() -> AsyncStream<CashEvent> { events.subscribe() }

    // MARK: Lifecycle

    /// Finds and checks every device: simple poll, identity (category, manufacturer, product, serial),
    /// the channel values against the devices' coin and bill ids, reads the event counters, inhibits
    /// acceptance and enables the hoppers. A device that does not answer leaves the module `offline`.
    /// - Throws: `CashError.deviceError` naming the device and what is wrong.
    public func start() async throws(CashError) {
        if let coinAcceptor, let config = configuration.coinAcceptor {
            try await bringUp("coin acceptor", coinAcceptor.peripheral, category: "Coin Acceptor") { () throws(CCTalkError) in
                if self.configuration.verifyDenominations {
                    for (channel, value) in config.channels.sorted(by: { $0.key < $1.key }) {
                        try Self.check(id: try await coinAcceptor.coinID(channel: channel), address: config.address, expected: value, what: "coin channel \(channel)")
                    }
                }
                try await coinAcceptor.peripheral.setMasterEnabled(false)
                // What the buffer holds now happened before this run listened: kept for recovery at start.
                let update = try await coinAcceptor.readBuffer()
                self.coinBufferAtStart = update
                self.coinCredits.polled(update.counter)
            }
        }
        if let billValidator, let config = configuration.billValidator {
            try await bringUp("bill validator", billValidator.peripheral, category: "Bill Validator") { () throws(CCTalkError) in
                if self.configuration.verifyDenominations {
                    for (type, value) in config.billTypes.sorted(by: { $0.key < $1.key }) {
                        let reported = try await billValidator.billValue(billType: type)
                        guard reported.won == value.won else {
                            throw .unexpectedReply(address: config.address, header: 157, detail: "bill type \(type) is configured as \(value) but the validator reports '\(reported.id)' (\(Money(won: reported.won)))")
                        }
                    }
                }
                try await billValidator.peripheral.setMasterEnabled(false)
                // A note a previous run left in escrow was never credited: it goes back to the resident.
                do throws(CCTalkError) {
                    try await billValidator.route(.returnBill)
                    self.returnedNoteAtStart = true
                } catch {
                    guard case .unexpectedReply(_, 154, "escrow is empty") = error else { throw error }
                }
                let update = try await billValidator.readBuffer()
                self.billBufferAtStart = update
                self.billCredits.polled(update.counter)
            }
        }
        for index in hoppers.indices {
            let unit = hoppers[index]
            var found: CCTalkHopperStatus?
            try await bringUp("hopper \(unit.config.coin)", unit.driver.peripheral, category: "Payout") { () throws(CCTalkError) in
                try await unit.driver.enable()
                // A payout a previous run left running (the host died, the hopper did not) finishes first.
                let status = try await unit.driver.status()
                if status.coinsRemaining > 0 {
                    _ = try await self.waitForPayout(unit.driver, counter: status.eventCounter)
                    found = try await unit.driver.status()
                } else {
                    found = status
                }
            }
            hoppers[index].statusAtStart = found
            hoppers[index].payoutCounter = found?.eventCounter
            await refreshSensors(index)
        }
        publishStatus()
    }

    /// Polls the event buffers every `pollInterval` until the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            await pollOnce()
            do { try await Task.sleep(for: configuration.pollInterval) } catch { return }
        }
    }

    /// Reads the coin and bill event buffers once and publishes what happened.
    public func pollOnce() async {
        await reviveHoppers()
        await pollCoins()
        await pollBills()
        publishStatus()
    }

    /// The identities the devices reported at `start()` (key: `coin acceptor`, `bill validator`, `hopper 100원`…).
    public func deviceIdentities() -> [String: CCTalkDeviceIdentity] { identities }

    /// Sets the coins in the hopper paying `coin` (after a refill, or restored from the ledger).
    /// - Throws: `CashError.deviceError` when no hopper pays `coin` or the count is negative.
    public func setHopperCount(_ coin: Money, count: Int) throws(CashError) {
        guard count >= 0 else { throw .deviceError("hopper count for \(coin) must not be negative (\(count))") }
        guard let index = hoppers.firstIndex(where: { $0.config.coin == coin }) else { throw .deviceError("no hopper pays \(coin)") }
        hoppers[index].count = count
        hoppers[index].empty = count == 0
        publishStatus()
    }

    /// Coins in each hopper as the host counts them.
    public func hopperCounts() -> [Money: Int] {
        Dictionary(uniqueKeysWithValues: hoppers.map { ($0.config.coin, $0.count) })
    }

    /// Each hopper's payout event counter as the host last knows it (read at `start()`, then from every
    /// dispense it accepted); a hopper whose last dispense had a lost outcome has none.
    public func hopperPayoutCounters() -> [Money: UInt8] {
        Dictionary(uniqueKeysWithValues: hoppers.compactMap { unit in unit.payoutCounter.map { (unit.config.coin, $0) } })
    }

    /// The payout status each hopper reported at `start()`, after any payout a previous run left running
    /// had finished: compared with the ledger's last counter it tells a payout the ledger never recorded.
    public func hopperStatusAtStart() -> [Money: CCTalkHopperStatus] {
        Dictionary(uniqueKeysWithValues: hoppers.compactMap { unit in unit.statusAtStart.map { (unit.config.coin, $0) } })
    }

    /// The coin acceptor's and bill validator's buffers as `start()` first read them (counter and the
    /// five results): events in them after the ledger's counters are credits no entry records.
    public func eventBuffersAtStart() -> (coin: CCTalkEventBuffer.Update?, bill: CCTalkEventBuffer.Update?) {
        (coinBufferAtStart, billBufferAtStart)
    }

    /// The event counters a ledger entry written now records (`coin@N bill@N`): up to them every credit
    /// handed out is recorded, `recording` (the credit this entry records) counted as recorded. Nil for
    /// a device that is not configured or not yet read.
    public func ledgerEventCounters(recording credit: CCTalkCredit? = nil) -> (coin: UInt8?, bill: UInt8?) {
        let coin: UInt8? = if case .coin(let counter) = credit { counter } else { nil }
        let note: UInt8? = if case .note(let counter) = credit { counter } else { nil }
        return (coinCredits.ledgerCounter(recording: coin), billCredits.ledgerCounter(recording: note))
    }

    /// The daemon wrote the ledger entry for `credit`: later entries may record counters past it.
    public func creditRecorded(_ credit: CCTalkCredit) {
        switch credit {
        case .coin(let counter): coinCredits.recorded(counter)
        case .note(let counter): billCredits.recorded(counter)
        }
    }

    /// The credit of the note the last `stackEscrow()` stacked (nil before any).
    public func lastStackedNote() -> CCTalkCredit? { stackedNoteCounter.map { .note(counter: $0) } }

    /// Coins and notes that went into the cash box since start or the last `collectCashBox()`.
    public func cashBoxCounts() -> [Money: Int] { cashBox }

    /// Sets what the cash box holds (restored from the ledger at start: what came in since the last collection).
    /// - Throws: `CashError.deviceError` for a negative count.
    public func restoreCashBox(_ counts: [Money: Int]) throws(CashError) {
        if let (value, count) = counts.first(where: { $0.value < 0 }) {
            throw .deviceError("cash box count for \(value) must not be negative (\(count))")
        }
        cashBox = counts.filter { $0.value > 0 }
    }

    /// The technician emptied the cash box: returns what it held by this count and starts again at zero.
    public func collectCashBox() -> [Money: Int] {
        defer { cashBox = [:] }
        return cashBox
    }

    /// What the cash box holds by the host's count, per denomination (since start or the last collection).
    public func cashBoxContents() -> [Money: Int] { cashBox }

    /// The hopper counts a refill of `coins` would give, without changing anything (the daemon records
    /// them in the ledger before it calls `refill`).
    /// - Throws: `CashError.deviceError` naming a coin no hopper pays or a count below one.
    public func hopperCounts(afterRefill coins: [Money: Int]) throws(CashError) -> [Money: Int] {
        var counts = hopperCounts()
        for (coin, count) in coins.sorted(by: { $0.key < $1.key }) {
            guard let current = counts[coin] else { throw .deviceError("no hopper pays \(coin)") }
            guard count > 0 else { throw .deviceError("a refill of \(coin) must add at least one coin, not \(count)") }
            counts[coin] = current + count
        }
        return counts
    }

    /// A technician put `coins` into the hoppers: adds them to the host's counts.
    /// - Throws: `CashError.deviceError` naming a coin no hopper pays or a count below one (nothing changes then).
    public func refill(_ coins: [Money: Int]) throws(CashError) {
        let after = try hopperCounts(afterRefill: coins)
        for coin in coins.keys.sorted() { try setHopperCount(coin, count: after[coin]!) }
    }

    /// Clears a latched fraud or jam after a technician has looked at the module.
    public func acknowledgeFaults() {
        fraud = nil
        acceptorJam = nil
        for index in hoppers.indices { hoppers[index].jammed = false }
        publishStatus()
    }

    /// Whether `start()` found a note left in escrow (by a run that stopped mid-payment) and returned it.
    public func returnedEscrowAtStart() -> Bool { returnedNoteAtStart }

    /// The note held in escrow, if any.
    public func noteInEscrow() -> Money? { escrow }

    // MARK: CashHandler

    /// The configured coin and note values, and the hopper levels as the host counts them.
    public func inventory() -> CashInventory {
        var accepted = Set(configuration.coinAcceptor?.channels.values.map { $0 } ?? [])
        accepted.formUnion(configuration.billValidator?.billTypes.values.map { $0 } ?? [])
        return CashInventory(accepted: accepted.sorted(), payout: levels())
    }

    /// Sets the individual inhibits so exactly `denominations` are taken, and the master inhibit off
    /// (on when nothing is left to take).
    /// - Throws: `CashError.deviceError` naming a denomination no channel carries, or the device that failed.
    public func enableAcceptance(of denominations: Set<Money>) async throws(CashError) {
        let offered = Set(inventory().accepted)
        let unknown = denominations.subtracting(offered)
        guard unknown.isEmpty else {
            throw .deviceError("not configured on any coin channel or bill type: " + unknown.sorted().map(\.description).joined(separator: ", "))
        }
        if let coinAcceptor, let config = configuration.coinAcceptor {
            let channels = Set(config.channels.filter { denominations.contains($0.value) }.keys)
            try await perform("coin acceptor") { () throws(CCTalkError) in
                try await coinAcceptor.peripheral.setEnabledChannels(channels)
                try await coinAcceptor.peripheral.setMasterEnabled(!channels.isEmpty)
            }
        }
        if let billValidator, let config = configuration.billValidator {
            let types = Set(config.billTypes.filter { denominations.contains($0.value) }.keys)
            try await perform("bill validator") { () throws(CCTalkError) in
                try await billValidator.peripheral.setEnabledChannels(types)
                try await billValidator.peripheral.setMasterEnabled(!types.isEmpty)
            }
        }
        enabled = denominations
        publishStatus()
    }

    /// Master-inhibits both slots; a note in escrow stays there.
    public func disableAcceptance() async {
        enabled = []
        if let coinAcceptor { try? await perform("coin acceptor") { () throws(CCTalkError) in try await coinAcceptor.peripheral.setMasterEnabled(false) } }
        if let billValidator { try? await perform("bill validator") { () throws(CCTalkError) in try await billValidator.peripheral.setMasterEnabled(false) } }
        publishStatus()
    }

    /// Routes the escrowed note to the stacker and returns its value once the validator reports it stacked.
    /// - Throws: `.noNoteInEscrow`; `.deviceError` when the validator fails or does not confirm in `routeTimeout`.
    public func stackEscrow() async throws(CashError) -> Money {
        switch try await routeEscrow(.stack) {
        case .stacked(let note): return note
        case .returned(let note): throw .deviceError("the validator returned the \(note) note instead of stacking it")
        }
    }

    /// Gives the escrowed note back and returns its value once the validator reports it returned.
    /// - Throws: `.noNoteInEscrow`; `.deviceError` when the validator fails or does not confirm in `routeTimeout`.
    public func returnEscrow() async throws(CashError) -> Money {
        switch try await routeEscrow(.returnBill) {
        case .returned(let note): return note
        case .stacked(let note): throw .deviceError("the validator stacked the \(note) note instead of returning it")
        }
    }

    /// Pays `amount` in coins: plans with `ChangePlanner` over the host's counts, pays hopper by hopper
    /// (largest coin first), and when a hopper stops short (empty or jammed) pays the rest from the
    /// others if they can. Whatever cannot be paid is the result's shortfall (to be recorded as
    /// `refund-owed`). Never throws for a partial payout: the result says exactly what came out.
    public func dispense(_ amount: Money) async throws(CashError) -> DispenseResult {
        guard amount > .zero else { return DispenseResult(paid: .zero, shortfall: .zero) }
        var remaining = amount
        var failed: Set<Money> = []
        replanning: while remaining > .zero {
            let usable = hoppers.filter { !failed.contains($0.config.coin) && !$0.jammed && unreachable["hopper \($0.config.coin)"] == nil }
            let plan = ChangePlanner(available: Dictionary(uniqueKeysWithValues: usable.map { ($0.config.coin, $0.count) })).plan(remaining)
            guard plan.paid > .zero else { break }
            for (coin, count) in plan.coins.sorted(by: { $0.key > $1.key }) {
                guard let index = hoppers.firstIndex(where: { $0.config.coin == coin }) else { continue }
                let paid = await pay(count, from: index)
                remaining -= coin * paid
                if paid < count {
                    failed.insert(coin)
                    continue replanning
                }
            }
            break
        }
        publishStatus()
        return DispenseResult(paid: amount - remaining, shortfall: remaining)
    }

    // MARK: Polling

    /// A hopper that stopped answering is polled again; when it answers it is enabled and used again.
    private func reviveHoppers() async {
        for index in hoppers.indices {
            let name = "hopper \(hoppers[index].config.coin)"
            guard unreachable[name] != nil else { continue }
            let driver = hoppers[index].driver
            try? await perform(name) { () throws(CCTalkError) in
                try await driver.peripheral.simplePoll()
                try await driver.enable()
            }
        }
    }

    private func pollCoins() async {
        guard let coinAcceptor, let config = configuration.coinAcceptor else { return }
        let update: CCTalkEventBuffer.Update
        do {
            update = try await coinAcceptor.readBuffer()
            unreachable["coin acceptor"] = nil
        } catch {
            unreachable["coin acceptor"] = error.description
            return
        }
        if update.lost > 0 { events.publish(.fault(reason: "coin acceptor: \(update.lost) events lost between polls (credits may be missing)")) }
        if update.deviceReset { events.publish(.fault(reason: "coin acceptor was reset (power-up); acceptance must be enabled again")) }
        // Credits are numbered before anyone hears of them: an entry written meanwhile stops short of them.
        let credits = zip(update.events, update.eventCounters).compactMap { result, counter -> UInt8? in
            guard case .credit(let channel, _) = CCTalkCoinEvent(result), config.channels[channel] != nil else { return nil }
            return counter
        }
        coinCredits.polled(update.counter, credits: credits)
        for (result, counter) in zip(update.events, update.eventCounters) {
            let event = CCTalkCoinEvent(result)
            switch event {
            case .credit(let channel, _):
                if let value = config.channels[channel] {
                    cashBox[value, default: 0] += 1
                    events.publish(.coinAccepted(value, eventCounter: counter))
                } else {
                    events.publish(.fault(reason: "coin acceptor credited channel \(channel), which has no configured value"))
                }
            case .error(let code):
                let text = "coin acceptor: " + CCTalkCoinEvent.describe(code: code)
                if code == 0 { continue }
                if event.isFraud {
                    fraud = text
                    events.publish(.fraud(reason: text))
                } else if event.isJam {
                    acceptorJam = text
                    events.publish(.fault(reason: text))
                } else {
                    events.publish(.rejected(reason: text))
                }
            }
        }
    }

    private func pollBills() async {
        guard let billValidator, let config = configuration.billValidator else { return }
        let update: CCTalkEventBuffer.Update
        do {
            update = try await billValidator.readBuffer()
            unreachable["bill validator"] = nil
        } catch {
            unreachable["bill validator"] = error.description
            return
        }
        if update.lost > 0 { events.publish(.fault(reason: "bill validator: \(update.lost) events lost between polls")) }
        if update.deviceReset { events.publish(.fault(reason: "bill validator was reset (power-up); acceptance must be enabled again")) }
        // Stacked notes are numbered before anyone hears of them, as coins are (see `pollCoins`).
        var held = escrow
        var stacked: [UInt8] = []
        for (result, counter) in zip(update.events, update.eventCounters) {
            switch CCTalkBillEvent(result) {
            case .escrow(let type): held = config.billTypes[type] ?? held
            case .stacked(let type) where config.billTypes[type] ?? held != nil:
                stacked.append(counter)
                held = nil
            default: break
            }
        }
        billCredits.polled(update.counter, credits: stacked)
        for (result, counter) in zip(update.events, update.eventCounters) {
            let event = CCTalkBillEvent(result)
            switch event {
            case .escrow(let type):
                guard let value = config.billTypes[type], enabled.contains(value) else {
                    try? await perform("bill validator") { () throws(CCTalkError) in try await billValidator.route(.returnBill) }
                    events.publish(.rejected(reason: "bill type \(type) is not accepted now; returned"))
                    continue
                }
                escrow = value
                events.publish(.noteInEscrow(value))
            case .stacked(let type):
                guard let value = config.billTypes[type] ?? escrow else {
                    events.publish(.fault(reason: "bill validator stacked bill type \(type), which has no configured value"))
                    continue
                }
                cashBox[value, default: 0] += 1
                escrow = nil
                if pendingRoute == .stack {
                    stackedNoteCounter = counter
                    routeOutcome = .stacked(value)
                } else {
                    events.publish(.noteStackedWithoutCommand(value, eventCounter: counter))
                }
            case .status(let code):
                let text = "bill validator: " + CCTalkBillEvent.describe(code: code)
                if code == CCTalkBillEvent.returnedFromEscrow {
                    let note = escrow ?? .zero
                    escrow = nil
                    if pendingRoute == .returnBill {
                        routeOutcome = .returned(note)
                    } else {
                        events.publish(.rejected(reason: "\(note) note returned from escrow (escrow timeout)"))
                    }
                } else if CCTalkBillEvent.fraudCodes.contains(code) {
                    fraud = text
                    events.publish(.fraud(reason: text))
                } else if CCTalkBillEvent.rejectCodes.contains(code) {
                    events.publish(.rejected(reason: text))
                } else if CCTalkBillEvent.faultCodes.contains(code) {
                    if code == 14 { stackerFull = true }
                    events.publish(.fault(reason: text))
                } else if code == 10 || code == 12 {
                    stackerFull = false
                }
            }
        }
    }

    private func routeEscrow(_ route: CCTalkBillValidator.Route) async throws(CashError) -> RouteOutcome {
        guard let billValidator else { throw .noDevice }
        guard escrow != nil else { throw .noNoteInEscrow }
        guard pendingRoute == nil else { throw .deviceError("a note is already being routed") }
        pendingRoute = route
        routeOutcome = nil
        defer {
            pendingRoute = nil
            routeOutcome = nil
        }
        try await perform("bill validator") { () throws(CCTalkError) in try await billValidator.route(route) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: configuration.routeTimeout)
        while clock.now < deadline {
            await pollBills()
            if let outcome = routeOutcome {
                publishStatus()
                return outcome
            }
            do { try await Task.sleep(for: configuration.payoutPollInterval) } catch { break }
        }
        throw .deviceError("the bill validator did not confirm routing the \(escrow ?? .zero) note within \(configuration.routeTimeout)")
    }

    // MARK: Payout

    /// Pays `count` coins from hopper `index`; returns how many came out (what the hopper reports paid).
    private func pay(_ count: Int, from index: Int) async -> Int {
        let driver = hoppers[index].driver
        let name = "hopper \(hoppers[index].config.coin)"
        var paidTotal = 0
        var left = count
        while left > 0 {
            let chunk = min(left, 255)
            let paid: Int
            var stoppedShort = false
            let counter: UInt8
            do {
                counter = try await driver.dispense(chunk)
                hoppers[index].payoutCounter = counter
            } catch {
                if case .outcomeUnknown = error {
                    hoppers[index].payoutCounter = nil
                    hoppers[index].jammed = true
                    events.publish(.fault(reason: "\(name): \(error.description); counted as unpaid, hopper out of service until checked"))
                } else {
                    unreachable[name] = error.description
                    events.publish(.fault(reason: "\(name) did not take a payout of \(chunk) coins: \(error.description)"))
                }
                return paidTotal
            }
            do {
                let result = try await waitForPayout(driver, counter: counter)
                paid = result.paid
                stoppedShort = result.unpaid > 0 || paid < chunk
                unreachable[name] = nil
            } catch {
                // The payout started but its status cannot be read: count nothing (the resident is owed
                // it) and take the hopper out of service until a technician checks it.
                unreachable[name] = error.description
                hoppers[index].jammed = true
                events.publish(.fault(reason: "\(name): payout of \(chunk) coins interrupted (\(error.description)); counted as unpaid"))
                return paidTotal
            }
            paidTotal += paid
            hoppers[index].count = max(0, hoppers[index].count - paid)
            left -= chunk
            if stoppedShort {
                await refreshSensors(index)
                if hoppers[index].jammed {
                    events.publish(.fault(reason: "\(name) jammed after paying \(paidTotal) of \(count) coins"))
                } else {
                    hoppers[index].count = 0
                    hoppers[index].empty = true
                    events.publish(.fault(reason: "\(name) ran empty after paying \(paidTotal) of \(count) coins"))
                }
                return paidTotal
            }
        }
        await refreshSensors(index)
        return paidTotal
    }

    private func waitForPayout(_ driver: CCTalkHopper, counter: UInt8) async throws(CCTalkError) -> (paid: Int, unpaid: Int) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: configuration.payoutTimeout)
        while true {
            let status = try await driver.status()
            if status.eventCounter == counter && status.coinsRemaining == 0 {
                return (status.lastPaid, status.lastUnpaid)
            }
            if clock.now >= deadline {
                _ = try await driver.emergencyStop()
                let stopped = try await driver.status()
                return (stopped.lastPaid, stopped.lastUnpaid + stopped.coinsRemaining)
            }
            do { try await Task.sleep(for: configuration.payoutPollInterval) } catch {
                _ = try await driver.emergencyStop()
                let stopped = try await driver.status()
                return (stopped.lastPaid, stopped.lastUnpaid + stopped.coinsRemaining)
            }
        }
    }

    private func refreshSensors(_ index: Int) async {
        do {
            let sensors = try await hoppers[index].driver.sensors()
            hoppers[index].sensorLow = sensors.lowSensorSupported && sensors.low
            if sensors.motorReversed || sensors.optoFault { hoppers[index].jammed = true }
            if sensors.payoutTimeout && !sensors.motorReversed { hoppers[index].empty = true }
        } catch {
            unreachable["hopper \(hoppers[index].config.coin)"] = error.description
        }
    }

    // MARK: Helpers

    private func bringUp(_ name: String, _ peripheral: CCTalkPeripheral, category: String, then setup: () async throws(CCTalkError) -> Void) async throws(CashError) {
        do {
            try await peripheral.simplePoll()
            let identity = try await peripheral.identify()
            guard identity.equipmentCategory == category else {
                throw CashError.deviceError("\(name) at address \(peripheral.address) on \(peripheral.bus.path) reports category '\(identity.equipmentCategory)', expected '\(category)'")
            }
            identities[name] = identity
            try await setup()
            unreachable[name] = nil
        } catch let error as CashError {
            unreachable[name] = error.description
            publishStatus()
            throw error
        } catch let error as CCTalkError {
            unreachable[name] = error.description
            publishStatus()
            throw .deviceError("\(name): \(error.description)")
        } catch {
            throw .deviceError("\(name): \(error)")
        }
    }

    private func perform(_ name: String, _ body: () async throws(CCTalkError) -> Void) async throws(CashError) {
        do {
            try await body()
            unreachable[name] = nil
        } catch {
            unreachable[name] = error.description
            publishStatus()
            throw .deviceError("\(name): \(error.description)")
        }
    }

    /// Checks a coin id (`KR100A`: country, 3 value digits, issue) against the configured value.
    private static func check(id: String, address: UInt8, expected: Money, what: String) throws(CCTalkError) {
        let characters = Array(id)
        guard characters.count == 6, let value = Int(String(characters[2..<5])) else {
            throw .unexpectedReply(address: address, header: 184, detail: "\(what): id '\(id)' is not of the form country + value + issue")
        }
        guard value == expected.won else {
            throw .unexpectedReply(address: address, header: 184, detail: "\(what) is configured as \(expected) but the device reports '\(id)'")
        }
    }

    private func levels() -> [CashLevel] {
        hoppers.sorted { $0.config.coin < $1.config.coin }.map { unit in
            let level: SupplyLevel = unit.count == 0 || unit.empty ? .empty : (unit.sensorLow || unit.count < unit.config.lowThreshold ? .low : .ok)
            return CashLevel(denomination: unit.config.coin, count: unit.empty ? 0 : unit.count, level: level)
        }
    }

    private func publishStatus() {
        let levels = levels()
        var conditions = unreachable.keys.sorted().map { "\($0) not answering" }
        if let fraud { conditions.append(fraud) }
        if let acceptorJam { conditions.append(acceptorJam) }
        conditions += hoppers.filter(\.jammed).map { "hopper \($0.config.coin) jammed" }
        conditions += levels.filter { $0.level == .low }.map { "hopper \($0.denomination) low" }
        let jammed = acceptorJam != nil || hoppers.contains(where: \.jammed)
        let details = DeviceDetails(jammed: jammed, cashLevels: levels, cashBox: stackerFull ? .full : .ok, conditions: conditions)
        let (state, reason): (DeviceState, String?) =
            if let fraud { (.fraudAttempt, fraud) }
            else if let (name, error) = unreachable.sorted(by: { $0.key < $1.key }).first { (.offline, "\(name): \(error)") }
            else if let acceptorJam { (.hardwareError, acceptorJam) }
            else if let hopper = hoppers.first(where: \.jammed) { (.hardwareError, "hopper \(hopper.config.coin) jammed: a technician must clear it") }
            else if stackerFull { (.hardwareError, "bill validator stacker full") }
            else if !levels.isEmpty && levels.allSatisfy({ $0.count == 0 }) { (.userError, "no change left: exact amount or card only") }
            else { (.online, nil) }
        broadcaster.publishIfChanged(DeviceStatus(kind: .cash, driver: "cctalk", state: state, reason: reason, details: details))
    }
}
