import Foundation
import KioskConfig
import KioskCore
import KioskDevices
import KioskFingerprint
import KioskLedger
import KioskPayment
import KioskPrinting
import Logging

/// Drives resident sessions: feeds `IssuanceSession` its events and performs the actions it returns,
/// in order, **ledger first** (every `appendLedger` is durable before the next action runs). Card
/// approvals, the cash module's events and print-job follow-up run as background jobs in
/// `SessionService`'s task group and come back here as events.
///
/// One resident at a time: a new session starts only when no other session is before payment.
actor SessionRunner {
    /// Why a request about a session was refused; `status` is the HTTP status the API answers.
    struct Refusal: Error, Sendable {
        var status: Int
        var message: String
    }

    /// A background job (card approval, print follow-up).
    typealias Job = @Sendable () async -> Void

    private struct Live {
        var session: IssuanceSession
        var lastActivity: ContinuousClock.Instant
        var quotes: [UUID: Quote] = [:]
        var options: [UUID: [String: String]] = [:]
        var method: PaymentMethod?
        var due: Money = .zero
        var inserted: Money = .zero
        var accepted: Set<Money> = []
        var approval: CardApproval?
        /// What was already returned of `approval` by partial cancellations.
        var cardRefunded: Money = .zero
        var approving = false
        var change: Money?
        var owed: Money = .zero
        var message: String?
        var identity: IdentityStep?
        var keys: [UUID: String] = [:]
        /// Each document's content from the back-end, fetched before the quote (its pages price it).
        var contents: [UUID: DocumentContent] = [:]
    }

    /// Where printed documents' content comes from.
    private enum ContentSource {
        /// SAMPLE content (`[session] document_source = "simulated"`).
        case simulated(SimulatedDocumentSource)
        /// The identity back-end's document source (`"backend"`).
        case backend(any DocumentSource)
    }

    private let kiosk: Kiosk
    private let ledger: DaemonLedger
    private let devices: DeviceSet
    private let logger: Logger
    private let jobs: AsyncStream<Job>.Continuation
    private let clock = ContinuousClock()
    private var source: ContentSource?
    private let documentSource: String?
    private var identityBackend: IdentityBackend?
    private var referenceKey: ResidentReferenceKey?
    private var identitySettings = KioskConfiguration.Identity()
    private var verificationURL = SampleDocumentProvider.sampleVerificationURL
    private var renderer: DocumentRenderer?
    private var sessions: [UUID: Live] = [:]
    private var busy: Set<UUID> = []
    private var waiters: [UUID: [CheckedContinuation<Void, Never>]] = [:]
    private var draining = false

    /// A runner whose background jobs go to `jobs`.
    init(kiosk: Kiosk, ledger: DaemonLedger, devices: DeviceSet, documentSource: String?, jobs: AsyncStream<Job>.Continuation, logger: Logger) {
        self.kiosk = kiosk
        self.ledger = ledger
        self.devices = devices
        self.jobs = jobs
        self.logger = logger
        self.documentSource = documentSource
        source = documentSource == "simulated" ? .simulated(SimulatedDocumentSource()) : nil
    }

    /// Sets the identity back-end (`nil`: documents needing identity are refused), the kiosk's key for
    /// ledger resident references, the identity step's settings and the URL printed documents verify at.
    func setIdentity(
        _ backend: IdentityBackend?, referenceKey: ResidentReferenceKey?, settings: KioskConfiguration.Identity, verificationURL: String?
    ) {
        identityBackend = backend
        self.referenceKey = referenceKey
        identitySettings = settings
        if let verificationURL { self.verificationURL = verificationURL }
        if documentSource == "backend", let backend { source = .backend(backend.documents) }
    }

    /// Whether documents that need identity can be issued.
    var identityAvailable: Bool { identityBackend != nil }

    /// What the document back-end answers now (kiosk-central's agency report), when it reports.
    private var backendAvailability: BackendAvailability?

    /// Sets the tracker of the document back-end's agencies.
    func setBackendAvailability(_ availability: BackendAvailability?) { backendAvailability = availability }

    /// Why each of `codes` cannot have its content fetched now (agency down or closed, not served);
    /// codes that can are absent.
    func backendUnavailableReasons(_ codes: [String]) async -> [String: String] {
        guard case .backend = source, let backendAvailability else { return [:] }
        return await backendAvailability.reasons(for: codes)
    }

    // MARK: - the API's requests

    /// Starts a session when the kiosk accepts residents and nobody else is before payment.
    func start() async throws(Refusal) -> SessionView {
        if draining { throw Refusal(status: 503, message: "kioskd is shutting down: no new session") }
        if let problem = await ledger.problem {
            throw Refusal(status: 503, message: "out of service: \(problem)")
        }
        let statuses = await devices.statuses()
        if let reason = await kiosk.reasonNotAccepting(statuses: statuses, now: Date()) {
            throw Refusal(status: 503, message: "no session can start: \(reason)")
        }
        if sessions.values.contains(where: { !$0.session.phase.isTerminal && $0.session.phase != .fulfilling }) {
            throw Refusal(status: 409, message: "another session is in progress on this kiosk")
        }
        sessions = sessions.filter { !$0.value.session.phase.isTerminal || clock.now - $0.value.lastActivity < .seconds(600) }
        let id = UUID()
        let kioskID = await kiosk.configuration.kiosk.id
        sessions[id] = Live(session: IssuanceSession(sessionID: id, kioskID: kioskID), lastActivity: clock.now)
        await kiosk.sessionStarted()
        return view(id)!
    }

    /// The session as the API shows it.
    func view(_ id: UUID) -> SessionView? {
        guard let live = sessions[id] else { return nil }
        let catalog = catalogSnapshot
        let documents = live.session.issuances.map { issuance in
            let type = catalog?[issuance.request.documentCode]
            let quote = live.quotes[issuance.id]
            return SessionView.Document(
                issuanceID: issuance.id.uuidString.lowercased(), code: issuance.request.documentCode,
                nameKo: type?.nameKo ?? "", nameEn: type?.nameEn ?? "", copies: issuance.request.copies,
                options: live.options[issuance.id] ?? [:], amount: issuance.quote?.amount.won, lines: quote?.lines,
                state: issuance.state?.rawValue, issuanceNumber: issuance.number?.formatted,
                printerJobID: issuance.printerJobID, failureReason: issuance.failureReason,
                reprintOffered: issuance.reprintOffered, reprints: issuance.reprints)
        }
        let payment = live.method.map {
            SessionView.Payment(
                method: $0.rawValue, due: live.due.won, inserted: live.inserted.won, accepted: live.accepted.map(\.won).sorted(),
                approvalNumber: live.approval?.approvalNumber, change: live.change?.won, owed: live.owed == .zero ? nil : live.owed.won)
        }
        let fulfilled = live.session.phase == .finished || live.session.phase == .abandoned || live.session.phase == .outOfService
        let counting = !live.session.phase.isTerminal && live.session.phase != .fulfilling && !live.approving
        let left = idleTimeout - (clock.now - live.lastActivity)
        return SessionView(
            id: id.uuidString.lowercased(), phase: live.session.phase.rawValue, documents: documents, total: live.session.total.won,
            payment: payment, message: live.message, finished: fulfilled,
            idleSecondsLeft: counting ? max(0, Int(left.components.seconds)) : nil, identity: live.identity?.view)
    }

    private var catalogSnapshot: Catalog?
    private var idleTimeout: Duration = .seconds(120)

    /// Sets how long an unpaid session may stay idle (the views count down to it).
    func setIdleTimeout(_ timeout: Duration) { idleTimeout = timeout }

    /// The resident asked for more time: the idle countdown starts again (any phase before payment).
    func extend(_ id: UUID) async throws(Refusal) -> SessionView {
        guard let live = sessions[id] else { throw Refusal(status: 404, message: "no session \(id)") }
        guard !live.session.phase.isTerminal else {
            throw Refusal(status: 409, message: "session \(id) has ended (\(live.session.phase.rawValue)): nothing to extend")
        }
        sessions[id]?.lastActivity = clock.now
        return try existing(id)
    }

    /// Sets the catalog the views name documents from (after start and each reload).
    func setCatalog(_ catalog: Catalog) { catalogSnapshot = catalog }

    /// The resident chose `choices` (validated by the API against the catalog).
    func choose(
        _ id: UUID, _ requests: [IssuanceRequest], options: [UUID: [String: String]], keys: [UUID: String] = [:]
    ) async throws(Refusal) -> SessionView {
        if requests.contains(where: \.needsIdentity) && identityBackend == nil {
            throw Refusal(status: 503, message: "identity verification is not available: no identity back-end is configured ([identity] backend)")
        }
        let attempts = identitySettings.attemptsBeforeMobileID
        if sessions[id]?.session.phase == .options {
            // Choosing again after identity (options and copies set on the options screen).
            try await send(.back, to: id)
        }
        try await run(id) { live in
            live.options = options
            live.keys = keys
        }
        try await send(.documentsChosen(requests), to: id)
        try await run(id) { live in
            if live.session.phase == .identifying && live.identity == nil {
                live.identity = IdentityStep(attemptsBeforeMobileID: attempts)
            }
        }
        return try existing(id)
    }

    /// The resident confirmed the options: the quote is made.
    func confirm(_ id: UUID) async throws(Refusal) -> SessionView {
        try await send(.optionsConfirmed, to: id)
        if let live = sessions[id], live.session.phase != .quoted {
            throw Refusal(status: 409, message: "no quote: \(live.message ?? "the documents could not be priced")")
        }
        return try existing(id)
    }

    /// One screen back; leaving the identity step unverified forgets what was entered.
    func back(_ id: UUID) async throws(Refusal) -> SessionView {
        try await send(.back, to: id)
        try await run(id) { live in
            if live.session.phase == .choosing, live.identity?.verified == nil {
                live.identity?.wipe()
                live.identity = nil
            }
        }
        return try existing(id)
    }

    /// The resident cancelled (before payment).
    func cancel(_ id: UUID) async throws(Refusal) -> SessionView {
        try await send(.cancel, to: id)
        return try existing(id)
    }

    /// The resident accepted the quote and pays with `method` (`card` or `cash`; `exempt` when the total is zero).
    func pay(_ id: UUID, method: PaymentMethod) async throws(Refusal) -> SessionView {
        guard let live = sessions[id] else { throw Refusal(status: 404, message: "no session \(id)") }
        guard live.session.phase == .quoted else {
            throw Refusal(status: 409, message: "cannot pay in phase \(live.session.phase.rawValue): confirm a quote first")
        }
        if let problem = await ledger.problem { throw Refusal(status: 503, message: "out of service: \(problem)") }
        if await kiosk.configuration.session.kioskNumber == nil {
            throw Refusal(status: 503, message: "this kiosk has no kiosk number ([session] kiosk_number): no issuance number can be made")
        }
        if source == nil {
            throw Refusal(
                status: 503,
                message: "no document source is configured ([session] document_source): nothing can be printed, so no payment is taken")
        }
        let total = live.session.total
        let chosen: PaymentMethod = total == .zero ? .exempt : method
        if total > .zero && method == .exempt { throw Refusal(status: 400, message: "method \"exempt\" is only for a total of 0 won") }
        try await run(id) { live in
            live.method = chosen
            live.due = total
            live.inserted = .zero
        }
        try await send(.quoteAccepted, to: id)
        return try existing(id)
    }

    /// Money the simulated cash module took (from `kioskctl cash insert`): routes nothing itself — the
    /// module's events do; this only says whether a cash payment is waiting.
    func cashPaymentWaiting() -> Bool {
        sessions.values.contains { $0.session.phase == .paying && $0.method == .cash }
    }

    // MARK: - shutdown and timeouts

    /// Abandons unpaid sessions idle longer than the idle timeout.
    func sweep() async {
        let idle = idleTimeout
        let now = clock.now
        for (id, live) in sessions where !live.session.phase.isTerminal && live.session.phase != .fulfilling {
            guard now - live.lastActivity >= idle, !live.approving else { continue }
            logger.info("session \(id): idle timeout")
            _ = try? await send(.timeout, to: id, touch: false)
        }
        for (id, live) in sessions where live.session.phase == .fulfilling && live.session.issuances.contains(where: \.reprintOffered) {
            guard now - live.lastActivity >= idle else { continue }
            logger.info("session \(id): no answer to the reprint question: refund")
            _ = try? await send(.timeout, to: id, touch: false)
        }
    }

    /// SIGTERM: no new session; unpaid sessions end now; paid ones continue to a safe point.
    func beginDrain() async {
        draining = true
        for (id, live) in sessions where live.session.phase == .fulfilling {
            for issuance in live.session.issuances where issuance.reprintOffered {
                _ = try? await send(.reprintDecided(issuanceID: issuance.id, reprint: false), to: id, touch: false)
            }
        }
        for (id, live) in sessions where !live.session.phase.isTerminal && live.session.phase != .fulfilling && !live.approving {
            _ = try? await send(.outOfService(reason: "kioskd is shutting down"), to: id, touch: false)
        }
    }

    /// Whether a resident is at the kiosk: any session not yet ended (choosing, identifying, paying,
    /// printing), an approval or an action in flight. Configuration from central waits while this holds.
    func hasSessionInProgress() -> Bool {
        !busy.isEmpty || sessions.values.contains { !$0.session.phase.isTerminal || $0.approving }
    }

    /// Whether every session reached a safe point (nothing paid is unfinished, no approval or action in flight).
    func isDrained() -> Bool {
        // `busy`: an event is being processed; its actions (a ledger append, a payout) may still be running
        // although the state machine already moved the session to a terminal phase.
        busy.isEmpty && !sessions.values.contains { !$0.session.phase.isTerminal && ($0.session.phase == .fulfilling || $0.approving) }
    }

    // MARK: - devices' answers

    /// The card terminal answered the approval started for session `id`.
    func cardAnswered(_ id: UUID, _ result: Result<CardApproval, CardError>) async {
        await acquire(id)
        defer { release(id) }
        guard var live = sessions[id] else { return }
        live.approving = false
        sessions[id] = live
        switch result {
        case .success(let approval):
            let approved = moneyRecord(.cardApproved, id, amount: approval.amount, reference: approval.approvalNumber)
            guard live.session.phase == .paying else {
                // Cancelled while the terminal was busy: reverse at once.
                await reverseCard(approval, id, reason: "session ended during approval", first: approved)
                return
            }
            do throws(LedgerError) {
                try await ledger.append([approved])
            } catch {
                await reverseCard(approval, id, reason: "ledger unavailable", first: nil)
                _ = await process(.outOfService(reason: error.description), id)
                return
            }
            sessions[id]?.approval = approval
            let receipt = PaymentReceipt(method: .card, reference: approval.approvalNumber, amount: approval.amount)
            await completePayment(id, receipt)
        case .failure(let error):
            sessions[id]?.message = error.description
            _ = await process(.paymentFailed(reason: error.description), id)
        }
    }

    /// One event from the cash module.
    func cashEvent(_ event: CashEvent) async {
        guard let id = sessions.first(where: { $0.value.session.phase == .paying && $0.value.method == .cash })?.key else {
            switch event {
            case .coinAccepted(let money, _), .noteStackedWithoutCommand(let money, _):
                logger.warning("cash: \(money) taken with no cash payment waiting; recorded, to be returned by a technician")
                let credit = CCTalkCashRecovery.credit(of: event)  // issue 9: the entry records the credit's event counter
                if (try? await ledger.append([await cashRecord(.cashInserted, nil, amount: money, detail: "no payment waiting", credit: credit)])) != nil {
                    await CCTalkCashRecovery.recorded(devices.cash, credit)
                }
            case .noteInEscrow:
                if let note = try? await devices.cash.returnEscrow() {
                    _ = try? await ledger.append([moneyRecord(.cashReturned, nil, amount: note, detail: "no payment waiting")])
                }
            default: break
            }
            return
        }
        await acquire(id)
        defer { release(id) }
        switch event {
        case .coinAccepted(let money, _), .noteStackedWithoutCommand(let money, _):
            let credit = CCTalkCashRecovery.credit(of: event)  // issue 9
            if (try? await ledger.append([await cashRecord(.cashInserted, id, amount: money, credit: credit)])) != nil {
                await CCTalkCashRecovery.recorded(devices.cash, credit)
            }
            sessions[id]?.inserted += money
        case .noteInEscrow(let money):
            do throws(CashError) {
                let note = try await devices.cash.stackEscrow()
                let credit = await CCTalkCashRecovery.stackedNote(devices.cash)  // issue 9
                if (try? await ledger.append([await cashRecord(.cashStacked, id, amount: note, credit: credit)])) != nil {
                    await CCTalkCashRecovery.recorded(devices.cash, credit)
                }
                sessions[id]?.inserted += note
            } catch {
                sessions[id]?.message = error.description
            }
            _ = money
        case .rejected(let reason), .fault(let reason), .fraud(let reason):
            sessions[id]?.message = reason
            return
        }
        sessions[id]?.lastActivity = clock.now
        guard let live = sessions[id], live.session.phase == .paying else { return }
        if live.inserted >= live.due {
            await devices.cash.disableAcceptance()
            sessions[id]?.accepted = []
            await completePayment(id, PaymentReceipt(method: .cash, reference: "cash-\(id.uuidString.prefix(8).lowercased())", amount: live.due))
        } else {
            await enableCash(id, due: live.due - live.inserted)
        }
    }

    // MARK: - the engine

    private func existing(_ id: UUID) throws(Refusal) -> SessionView {
        guard let view = view(id) else { throw Refusal(status: 404, message: "no session \(id)") }
        return view
    }

    private func run(_ id: UUID, _ change: (inout Live) -> Void) async throws(Refusal) {
        guard sessions[id] != nil else { throw Refusal(status: 404, message: "no session \(id)") }
        await acquire(id)
        defer { release(id) }
        if var live = sessions[id] {
            change(&live)
            sessions[id] = live
        }
    }

    /// Applies `event` to session `id` and performs what follows; an illegal event is a 409.
    private func send(_ event: IssuanceEvent, to id: UUID, touch: Bool = true) async throws(Refusal) {
        guard sessions[id] != nil else { throw Refusal(status: 404, message: "no session \(id)") }
        await acquire(id)
        defer { release(id) }
        if touch { sessions[id]?.lastActivity = clock.now }
        if let error = await process(event, id) {
            throw Refusal(status: 409, message: "\(error)")
        }
    }

    private func completePayment(_ id: UUID, _ receipt: PaymentReceipt) async {
        guard let live = sessions[id] else { return }
        let numbers: [IssuanceNumber]
        do {
            numbers = try await nextNumbers(live.session.issuances.count)
        } catch {
            sessions[id]?.message = "no issuance number: \(error)"
            await reversePayment(id, reason: "no issuance number")
            _ = await process(.paymentFailed(reason: "no issuance number: \(error)"), id)
            return
        }
        _ = await process(.paymentCompleted(receipt, issuanceNumbers: numbers), id)
    }

    private func nextNumbers(_ count: Int) async throws -> [IssuanceNumber] {
        guard let kioskNumber = await kiosk.configuration.session.kioskNumber else {
            throw Refusal(status: 503, message: "no kiosk number configured")
        }
        let last = try await ledger.lastIssuanceNumber(kioskNumber: kioskNumber)?.sequence ?? 0
        return try (1...count).map { offset throws(IssuanceNumberError) in
            try IssuanceNumber(kioskNumber: kioskNumber, sequence: last + Int64(offset))
        }
    }

    /// Applies `first` and every event its actions produce; returns the first event's error, if any.
    private func process(_ first: IssuanceEvent, _ id: UUID) async -> IssuanceError? {
        var queue = [first]
        var isFirst = true
        while !queue.isEmpty {
            let event = queue.removeFirst()
            guard var live = sessions[id] else { return nil }
            let result = live.session.handle(event, at: instant())
            sessions[id] = live
            switch result {
            case .failure(let error):
                if isFirst { return error }
                logger.error("session \(id): \(error)")
            case .success(let actions):
                for action in actions {
                    guard let follow = await perform(action, id) else { break }
                    queue += follow
                }
            }
            isFirst = false
        }
        return nil
    }

    /// Performs one action; `nil` stops the list (a ledger append failed).
    private func perform(_ action: IssuanceAction, _ id: UUID) async -> [IssuanceEvent]? {
        switch action {
        case .appendLedger(let records):
            do throws(LedgerError) {
                try await ledger.append(records)
                return []
            } catch {
                sessions[id]?.message = "the ledger cannot be written (\(error.description)): the kiosk is out of service"
                if records.contains(where: { $0.kind == .paid }) { await reversePayment(id, reason: "ledger unavailable") }
                return nil
            }
        case .requestQuote(let requests):
            return [await quote(requests, id)]
        case .collectPayment(let amount):
            return await collect(amount, id)
        case .cancelPayment:
            await reversePayment(id, reason: "cancelled")
            return []
        case .keepMoney:
            await keepMoney(id)
            return []
        case .preparePrintJob(let request):
            return [await prepare(request, id)]
        case .releasePrintJob(let issuanceID, let jobID):
            let printer = devices.printer
            jobs.yield { [weak self] in
                let event = await Self.follow(printer: printer, issuanceID: issuanceID, jobID: jobID)
                await self?.deliver(event, to: id)
            }
            return []
        case .returnMoney(let issuanceID, let amount):
            return [await refund(issuanceID, amount, id)]
        case .endSession(let outcome):
            sessions[id]?.identity?.wipe()
            sessions[id]?.identity = nil
            sessions[id]?.keys = [:]
            sessions[id]?.contents = [:]
            switch outcome {
            case .abandoned(let reason), .outOfService(let reason): sessions[id]?.message = "session ended: \(reason)"
            case .completed(let issued, let refunded, let owed):
                sessions[id]?.message =
                    "finished: \(issued.count) issued" + (refunded > .zero ? ", \(refunded) refunded" : "")
                    + (owed > .zero ? ", \(owed) owed (a technician will refund it)" : "")
                await kiosk.issuancesCompleted(issued.count)
            }
            return []
        }
    }

    private func deliver(_ event: IssuanceEvent, to id: UUID) async {
        await acquire(id)
        defer { release(id) }
        if case .printJobJammed(let issuanceID, let reason) = event {
            if draining {
                // Nobody will be asked while kioskd stops: refund.
                _ = await process(.printJobFailed(issuanceID: issuanceID, reason: reason + "; kioskd is shutting down"), id)
                return
            }
            sessions[id]?.lastActivity = clock.now
            sessions[id]?.message = "\(reason): print it again, or take a refund?"
        }
        _ = await process(event, id)
    }

    /// The resident's answer to a jam: print the same document again (the printer must be usable) or refund.
    func decideReprint(_ id: UUID, issuanceID: UUID, reprint: Bool) async throws(Refusal) -> SessionView {
        guard let live = sessions[id] else { throw Refusal(status: 404, message: "no session \(id)") }
        guard let issuance = live.session.issuances.first(where: { $0.id == issuanceID }) else {
            throw Refusal(status: 404, message: "issuanceID: session \(id) has no issuance \(issuanceID)")
        }
        guard issuance.reprintOffered else {
            throw Refusal(status: 409, message: "issuance \(issuanceID) is not waiting for a reprint decision")
        }
        if reprint {
            let status = await devices.printer.status()
            guard status.state.isUsable else {
                throw Refusal(status: 409, message: "the printer cannot print yet (\(status.reason ?? status.state.rawValue)): clear it, or choose a refund")
            }
        }
        try await send(.reprintDecided(issuanceID: issuanceID, reprint: reprint), to: id)
        sessions[id]?.message = reprint ? "printing again" : nil
        return try existing(id)
    }

    private func quote(_ requests: [IssuanceRequest], _ id: UUID) async -> IssuanceEvent {
        let catalog = catalogSnapshot ?? Catalog(version: 0, documents: [])
        let schedule = FeeSchedule(catalogVersion: catalog.version)
        var quoted: [QuotedIssuance] = []
        for request in requests {
            guard let type = catalog[request.documentCode] else {
                sessions[id]?.message = "document \(request.documentCode) left the catalog"
                return .back
            }
            var pages = 1
            if case .backend(let backend) = source {
                // The back-end answers before any money is taken: an unavailable document is never paid for.
                let live = sessions[id]
                let documentRequest = DocumentRequest(
                    code: type.code, identity: live?.identity?.verified, key: live?.keys[request.issuanceID],
                    options: live?.options[request.issuanceID] ?? [:], at: Date())
                do throws(DocumentUnavailable) {
                    let content = try await backend.content(for: documentRequest)
                    sessions[id]?.contents[request.issuanceID] = content
                    pages = pageCount(content, type: type, options: live?.options[request.issuanceID] ?? [:])
                } catch {
                    sessions[id]?.message = "\(type.nameEn) (\(type.nameKo)): \(error)"
                    return .back
                }
            }
            do {
                let exemptions = Set(sessions[id]?.identity?.verified?.exemptions ?? [])
                let quote = try schedule.quote(document: type, copies: request.copies, pages: pages, exemptions: exemptions)
                sessions[id]?.quotes[request.issuanceID] = quote
                quoted.append(QuotedIssuance(issuanceID: request.issuanceID, amount: quote.total, quote: try LedgerJSON(encoding: quote)))
            } catch {
                sessions[id]?.message = "\(error)"
                return .back
            }
        }
        return .quoteReady(quoted)
    }

    private func collect(_ amount: Money, _ id: UUID) async -> [IssuanceEvent] {
        guard let method = sessions[id]?.method else { return [.paymentFailed(reason: "no payment method chosen")] }
        switch method {
        case .exempt:
            return [.paymentCompleted(PaymentReceipt(method: .exempt, reference: nil, amount: .zero), issuanceNumbers: (try? await nextNumbers(sessions[id]?.session.issuances.count ?? 1)) ?? [])]
        case .card:
            sessions[id]?.approving = true
            let card = devices.card
            jobs.yield { [weak self] in
                let result: Result<CardApproval, CardError>
                do throws(CardError) { result = .success(try await card.approve(amount: amount, reference: id.uuidString)) } catch { result = .failure(error) }
                await self?.cardAnswered(id, result)
            }
            return []
        default:
            await enableCash(id, due: amount)
            return []
        }
    }

    private func enableCash(_ id: UUID, due: Money) async {
        let acceptance = await devices.cash.inventory().acceptance(due: due)
        do throws(CashError) {
            try await devices.cash.enableAcceptance(of: acceptance.accepted)
            sessions[id]?.accepted = acceptance.accepted
        } catch {
            sessions[id]?.message = error.description
        }
    }

    private func keepMoney(_ id: UUID) async {
        guard let live = sessions[id], live.method == .cash else { return }
        let change = live.inserted - live.due
        guard change > .zero else {
            sessions[id]?.change = .zero
            return
        }
        await payOut(change, id, detail: "change")
        sessions[id]?.change = change
    }

    /// Pays `amount` out in coins and records what came out and what is owed; returns the shortfall.
    @discardableResult
    private func payOut(_ amount: Money, _ id: UUID?, detail: String) async -> Money {
        let result: DispenseResult
        do {
            result = try await devices.cash.dispense(amount)
        } catch {
            result = DispenseResult(paid: .zero, shortfall: amount)
        }
        var records: [LedgerRecord] = []
        if result.paid > .zero { records.append(await cashRecord(.cashDispensed, id, amount: result.paid, detail: detail)) }
        if result.shortfall > .zero {
            var owed = moneyRecord(.cashOwed, id, amount: result.shortfall, detail: "\(detail): the cash module could not pay it out")
            owed.paymentReference = await CCTalkCashRecovery.reference(devices.cash)  // issue 9: a hopper found empty counts 0
            records.append(owed)
            if let id { sessions[id]?.owed += result.shortfall }
        }
        if !records.isEmpty { _ = try? await ledger.append(records) }
        return result.shortfall
    }

    /// Gives back everything taken for an unfinished payment (cancel, ledger failure).
    private func reversePayment(_ id: UUID, reason: String) async {
        guard let live = sessions[id] else { return }
        if live.method == .cash {
            await devices.cash.disableAcceptance()
            sessions[id]?.accepted = []
            if let note = try? await devices.cash.returnEscrow() {
                _ = try? await ledger.append([moneyRecord(.cashReturned, id, amount: note, detail: reason)])
            }
            if live.inserted > .zero {
                await payOut(live.inserted, id, detail: "returned: \(reason)")
                sessions[id]?.inserted = .zero
            }
        } else if let approval = live.approval {
            await reverseCard(approval, id, reason: reason, first: nil)
            sessions[id]?.approval = nil
        }
    }

    private func reverseCard(_ approval: CardApproval, _ id: UUID, reason: String, first: LedgerRecord?) async {
        do throws(CardError) {
            try await devices.card.cancel(approval)
            _ = try? await ledger.append((first.map { [$0] } ?? []) + [moneyRecord(.cardCancelled, id, amount: approval.amount, reference: approval.approvalNumber, detail: reason)])
        } catch {
            logger.critical("card approval \(approval.approvalNumber) could not be cancelled: \(error)")
            _ = try? await ledger.append((first.map { [$0] } ?? []) + [moneyRecord(.cashOwed, id, amount: approval.amount, reference: approval.approvalNumber, detail: "card cancellation failed: \(error)")])
        }
    }

    private func refund(_ issuanceID: UUID, _ amount: Money, _ id: UUID) async -> IssuanceEvent {
        guard let live = sessions[id] else { return .refundFailed(issuanceID: issuanceID, reason: "session lost") }
        if live.method == .cash {
            let short = await payOut(amount, id, detail: "refund")
            return short == .zero ? .moneyReturned(issuanceID: issuanceID)
                : .refundFailed(issuanceID: issuanceID, reason: "the cash module paid out \(amount - short) of \(amount)")
        }
        guard live.method == .card else { return .refundFailed(issuanceID: issuanceID, reason: "nothing was paid by a device") }
        guard let approval = live.approval else { return .refundFailed(issuanceID: issuanceID, reason: "no card approval to cancel") }
        let left = approval.amount - live.cardRefunded
        guard amount <= left else {
            return .refundFailed(issuanceID: issuanceID, reason: "only \(left) of card approval \(approval.approvalNumber) is left to cancel; \(amount) is owed")
        }
        do throws(CardError) {
            // The whole approval when this refund is all that is left, otherwise a partial cancellation.
            if amount == approval.amount { try await devices.card.cancel(approval) } else { try await devices.card.cancel(approval, amount: amount) }
        } catch {
            return .refundFailed(issuanceID: issuanceID, reason: error.description)
        }
        let partial = amount < left || live.cardRefunded > .zero
        _ = try? await ledger.append([
            moneyRecord(.cardCancelled, id, amount: amount, reference: approval.approvalNumber, detail: partial ? "refund (partial cancellation)" : "refund")
        ])
        sessions[id]?.cardRefunded += amount
        if sessions[id]?.cardRefunded == approval.amount { sessions[id]?.approval = nil }
        return .moneyReturned(issuanceID: issuanceID)
    }

    private func prepare(_ request: PrintJobRequest, _ id: UUID) async -> IssuanceEvent {
        let fail = { (reason: String) in IssuanceEvent.printJobFailed(issuanceID: request.issuanceID, reason: reason) }
        guard let source else { return fail("no document source is configured") }
        guard let type = catalogSnapshot?[request.documentCode] else { return fail("document \(request.documentCode) left the catalog") }
        let document: IssuedDocument
        switch source {
        case .simulated(let simulated):
            document = simulated.document(for: type, number: request.issuanceNumber, authority: "")
        case .backend(let backend):
            let live = sessions[id]
            let documentRequest = DocumentRequest(
                code: type.code, identity: live?.identity?.verified, key: live?.keys[request.issuanceID],
                options: live?.options[request.issuanceID] ?? [:], at: Date())
            do throws(DocumentUnavailable) {
                // The content fetched for the quote; fetched again only if the session lost it.
                let content: DocumentContent
                if let fetched = live?.contents[request.issuanceID] { content = fetched } else { content = try await backend.content(for: documentRequest) }
                document = IssuedDocument(
                    content: content, options: Self.printedOptions(type, live?.options[request.issuanceID] ?? [:]),
                    issueDate: Self.issueDate(), authority: await kiosk.configuration.kiosk.name,
                    issuanceNumber: request.issuanceNumber.formatted, verificationURL: verificationURL)
            } catch {
                return fail("no content for \(type.code): \(error)")
            }
        }
        do {
            if renderer == nil { renderer = try DocumentRenderer() }
            let rendered = try renderer!.render(document)
            let pdf = rendered.pdf
            let pages = rendered.pageCount
            let hash = SHA256Hash.of(pdf)
            let name = request.jobName
            let job = try await devices.printer.submit(PrintJob(name: name, document: pdf, pages: pages, copies: request.copies))
            return .printJobPrepared(issuanceID: request.issuanceID, jobID: job.rawValue, pdfSHA256: hash)
        } catch {
            return fail("\(error)")
        }
    }

    /// Follows a job until it ends; a job held (paper out, cover open) for 30 s is cancelled and failed.
    private static func follow(printer: any DocumentPrinter, issuanceID: UUID, jobID: Int) async -> IssuanceEvent {
        let clock = ContinuousClock()
        var heldSince: ContinuousClock.Instant?
        var unreachableSince: ContinuousClock.Instant?
        while true {
            do throws(PrinterError) {
                let state = try await printer.jobState(PrintJobID(jobID))
                unreachableSince = nil
                switch state {
                case .completed: return .printJobCompleted(issuanceID: issuanceID)
                case .aborted(let reasons):
                    if reasons.contains(where: { $0.contains("jam") }) {
                        return .printJobJammed(issuanceID: issuanceID, reason: "paper jam: print job aborted (\(reasons.joined(separator: ", ")))")
                    }
                    return .printJobFailed(issuanceID: issuanceID, reason: "print job aborted: \(reasons.joined(separator: ", "))")
                case .canceled: return .printJobFailed(issuanceID: issuanceID, reason: "print job cancelled")
                case .held(let reasons):
                    if reasons.contains(where: { $0.contains("jam") }) {
                        // Cancel first: a held job must never resume after the jam is cleared and print twice.
                        do throws(PrinterError) {
                            try await printer.cancel(PrintJobID(jobID))
                        } catch {
                            return .printJobFailed(issuanceID: issuanceID, reason: "paper jam, and the held job could not be cancelled: \(error)")
                        }
                        return .printJobJammed(issuanceID: issuanceID, reason: "paper jam: print job held (\(reasons.joined(separator: ", ")))")
                    }
                    let since = heldSince ?? clock.now
                    heldSince = since
                    if clock.now - since > .seconds(30) {
                        try? await printer.cancel(PrintJobID(jobID))
                        return .printJobFailed(issuanceID: issuanceID, reason: "print job held too long: \(reasons.joined(separator: ", "))")
                    }
                default: heldSince = nil
                }
            } catch {
                let since = unreachableSince ?? clock.now
                unreachableSince = since
                if case .unknownJob = error { return .printJobFailed(issuanceID: issuanceID, reason: error.description) }
                if clock.now - since > .seconds(30) { return .printJobFailed(issuanceID: issuanceID, reason: error.description) }
            }
            try? await Task.sleep(for: .milliseconds(25))
        }
    }

    private func moneyRecord(
        _ kind: LedgerEntryKind, _ id: UUID?, amount: Money, reference: String? = nil, detail: String? = nil
    ) -> LedgerRecord {
        let method: PaymentMethod? = kind == .cardApproved || kind == .cardCancelled ? .card : .cash
        return LedgerRecord(
            kind: kind, kioskID: sessions[id ?? UUID()]?.session.kioskID ?? kioskIDFallback, instant: instant(), sessionID: id,
            amount: amount, paymentMethod: method, paymentReference: reference, detail: detail)
    }

    private var kioskIDFallback = "unknown"

    /// A record of money moved through the cash module; when the module keeps counters (the simulated
    /// one does, as ccTalk hoppers do), their values after the movement go into `paymentReference`, so
    /// recovery at start can find a movement the crash kept out of the ledger. A ccTalk module's hopper
    /// counts after the movement go there instead (`CCTalkCashRecovery` restores them at start).
    private func cashRecord(
        _ kind: LedgerEntryKind, _ id: UUID?, amount: Money, detail: String? = nil, credit: CCTalkCredit? = nil
    ) async -> LedgerRecord {
        var record = moneyRecord(kind, id, amount: amount, detail: detail)
        if let counters = await CashCounters.read(devices.cash)?.reference {
            record.paymentReference = counters
        } else {
            record.paymentReference = await CCTalkCashRecovery.reference(devices.cash, recording: credit)
        }
        return record
    }

    /// Sets the kiosk id used for entries that belong to no session.
    func setKioskID(_ id: String) { kioskIDFallback = id }

    private func instant() -> LedgerInstant { .now() }

    // MARK: - document printing helpers

    /// The chosen options as printed on the first page: the option's Korean name and the choice's.
    private static func printedOptions(_ type: DocumentType, _ chosen: [String: String]) -> [DocumentField] {
        type.options.compactMap { option in
            guard let value = chosen[option.key] else { return nil }
            let choice = option.choices.first { $0.value == value }
            return DocumentField(option.nameKo, choice?.nameKo ?? value)
        }
    }

    /// Pages `content` renders to (the number is a placeholder of the same width), for the fee.
    private func pageCount(_ content: DocumentContent, type: DocumentType, options: [String: String]) -> Int {
        if renderer == nil { renderer = try? DocumentRenderer() }
        let draft = IssuedDocument(
            content: content, options: Self.printedOptions(type, options), issueDate: Self.issueDate(), authority: "",
            issuanceNumber: "0000-0000-0000-0000", verificationURL: verificationURL)
        return (try? renderer?.render(draft).pageCount) ?? 1
    }

    /// Today's date in Seoul for the document.
    private static func issueDate() -> IssueDate {
        let today = SeoulTime.localDate(of: Date())
        return (try? IssueDate(year: today.year, month: today.month, day: today.day)) ?? SampleDocumentProvider.sampleDate
    }

    // MARK: - the identity step

    /// Outcome of one thumb capture and check, computed outside the actor.
    private enum ThumbOutcome: Sendable {
        case verdict(IdentityVerdict, quality: Int)
        case captureFailed(String, guidance: CaptureGuidance?)
        case backendFailed(IdentityVerificationError)
    }

    private func identifying(_ id: UUID) throws(Refusal) -> IdentityStep {
        guard let live = sessions[id] else { throw Refusal(status: 404, message: "no session \(id)") }
        guard live.session.phase == .identifying, let step = live.identity else {
            throw Refusal(status: 409, message: "session \(id) is not verifying an identity (phase \(live.session.phase.rawValue))")
        }
        return step
    }

    /// The resident typed their resident registration number.
    func enterResidentNumber(_ id: UUID, _ text: String) async throws(Refusal) -> SessionView {
        var step = try identifying(id)
        guard step.capture == .idle else { throw Refusal(status: 409, message: "a thumb check is in progress: wait for its result") }
        let number: ResidentNumber
        do throws(ResidentNumberError) {
            number = try ResidentNumber(text, today: SeoulTime.localDate(of: Date()))
        } catch {
            throw Refusal(status: 400, message: "rrn: \(error.description)")
        }
        step.wipe()
        step.residentNumber = number
        step.masked = number.masked
        step.stage = .thumb
        step.lastResult = nil
        step.message = nil
        step.guidance = nil
        step.lockedUntil = nil
        let updated = step
        try await run(id) { live in live.identity = updated }
        return try existing(id)
    }

    /// Starts a thumb capture and its check; progress and the result show in the session view.
    func startThumb(_ id: UUID) async throws(Refusal) -> SessionView {
        var step = try identifying(id)
        guard let backend = identityBackend else { throw Refusal(status: 503, message: "no identity back-end is configured") }
        guard let number = step.residentNumber else {
            throw Refusal(status: 409, message: "enter the resident registration number first")
        }
        guard step.capture == .idle else { throw Refusal(status: 409, message: "a thumb check is already in progress") }
        guard step.thumbAllowed else {
            throw Refusal(
                status: 409,
                message: step.lockedUntil != nil
                    ? "fingerprint checks for this number are locked for now: use mobile ID"
                    : "\(step.failures) fingerprint attempts failed: use mobile ID")
        }
        step.generation += 1
        step.stage = .thumb
        step.capture = .waiting
        step.guidance = .placeFinger
        step.lastResult = nil
        step.message = nil
        let generation = step.generation
        let updated = step
        try await run(id) { live in live.identity = updated }
        let reader = devices.fingerprint
        let verifier = backend.verifier
        let timeout = Duration.seconds(identitySettings.captureTimeoutSeconds)
        let kioskID = sessions[id]?.session.kioskID ?? kioskIDFallback
        let logger = logger
        jobs.yield { [weak self] in
            let clock = ContinuousClock()
            let started = clock.now
            let runner = self
            let outcome = await Self.captureAndVerify(
                reader: reader, verifier: verifier, timeout: timeout, kioskID: kioskID, number: number,
                progress: { guidance in await runner?.identityProgress(id, generation, guidance) })
            let elapsed = clock.now - started
            switch outcome {
            case .verdict(let verdict, let quality):
                let result: String =
                    switch verdict {
                    case .verified: "verified"
                    case .notMatched: "not-matched"
                    case .notEnrolled: "not-enrolled"
                    case .lockedOut: "locked-out"
                    }
                logger.info("identity attempt: \(result), quality \(quality), \(elapsed)")
            case .captureFailed(let reason, _):
                logger.info("identity attempt: capture failed (\(reason)), \(elapsed)")
            case .backendFailed(let error):
                logger.warning("identity attempt: back-end failed (\(error)), \(elapsed)")
            }
            await self?.thumbAnswered(id, generation, outcome)
        }
        return try existing(id)
    }

    /// Opens a mobile-ID request and shows its QR code; the session continues by itself once a wallet presents.
    func startMobileID(_ id: UUID) async throws(Refusal) -> SessionView {
        var step = try identifying(id)
        guard let sessionsBackend = identityBackend?.mobileID else {
            throw Refusal(status: 503, message: "mobile ID is not available on this kiosk: it needs kiosk-central ([identity] backend = \"central\")")
        }
        guard step.capture == .idle else { throw Refusal(status: 409, message: "a thumb check is in progress: wait for its result") }
        let kioskID = sessions[id]?.session.kioskID ?? kioskIDFallback
        let challenge: MobileIDChallenge
        do throws(IdentityVerificationError) {
            challenge = try await sessionsBackend.start(kioskID: kioskID)
        } catch {
            throw Refusal(status: 503, message: "mobile ID: \(error.description)")
        }
        step = try identifying(id)
        step.generation += 1
        step.stage = .mobileID
        step.challenge = challenge
        step.qrSVG = try? QRCodeSVG.svg(for: challenge.qrText, title: "모바일 신분증 QR / Mobile ID QR")
        step.lastResult = nil
        step.message = nil
        step.wipe()
        step.masked = nil
        let generation = step.generation
        let updated = step
        try await run(id) { live in live.identity = updated }
        jobs.yield { [weak self] in
            while true {
                do { try await Task.sleep(for: .milliseconds(400)) } catch { return }
                guard let self, await self.mobileIDStillWanted(id, generation) else { return }
                let outcome: MobileIDOutcome
                do throws(IdentityVerificationError) {
                    outcome = try await sessionsBackend.outcome(of: challenge.id)
                } catch {
                    if Date() >= challenge.expiresAt { outcome = .expired } else { continue }
                }
                if outcome == .pending {
                    if Date() >= challenge.expiresAt.addingTimeInterval(2) {
                        await self.mobileIDAnswered(id, generation, .expired)
                        return
                    }
                    continue
                }
                await self.mobileIDAnswered(id, generation, outcome)
                return
            }
        }
        return try existing(id)
    }

    private func mobileIDStillWanted(_ id: UUID, _ generation: Int) -> Bool {
        guard let live = sessions[id], live.session.phase == .identifying, let step = live.identity else { return false }
        return step.generation == generation && step.stage == .mobileID
    }

    private func mobileIDAnswered(_ id: UUID, _ generation: Int, _ outcome: MobileIDOutcome) async {
        await acquire(id)
        defer { release(id) }
        guard mobileIDStillWanted(id, generation) else { return }
        switch outcome {
        case .pending:
            return
        case .verified(let identity):
            await identityVerified(id, identity)
        case .rejected(let reason):
            sessions[id]?.identity?.lastResult = "rejected"
            sessions[id]?.identity?.message = reason
            sessions[id]?.identity?.challenge = nil
            sessions[id]?.identity?.qrSVG = nil
        case .expired:
            sessions[id]?.identity?.lastResult = "expired"
            sessions[id]?.identity?.message = "the mobile-ID request expired: ask for a new QR code"
            sessions[id]?.identity?.challenge = nil
            sessions[id]?.identity?.qrSVG = nil
        }
    }

    private func identityProgress(_ id: UUID, _ generation: Int, _ guidance: CaptureGuidance) {
        guard sessions[id]?.identity?.generation == generation, sessions[id]?.identity?.capture != .idle else { return }
        sessions[id]?.identity?.guidance = guidance
        if guidance == .captured { sessions[id]?.identity?.capture = .verifying }
        sessions[id]?.lastActivity = clock.now
    }

    private func thumbAnswered(_ id: UUID, _ generation: Int, _ outcome: ThumbOutcome) async {
        await acquire(id)
        defer { release(id) }
        guard let live = sessions[id], live.session.phase == .identifying, var step = live.identity, step.generation == generation else {
            return
        }
        step.capture = .idle
        sessions[id]?.lastActivity = clock.now
        switch outcome {
        case .verdict(.verified(let identity), _):
            sessions[id]?.identity = step
            await identityVerified(id, identity)
            return
        case .verdict(.notMatched(let remaining), _):
            step.failures += 1
            step.lastResult = "not-matched"
            step.guidance = nil
            step.message = "the thumb does not match the one enrolled for this number (\(remaining) attempts left before a cool-down)"
        case .verdict(.notEnrolled, _):
            step.lastResult = "not-enrolled"
            step.guidance = nil
            step.message = "no thumb is enrolled for this number: use mobile ID"
            step.mobileIDOffered = true
        case .verdict(.lockedOut(let until), _):
            step.lastResult = "locked-out"
            step.guidance = nil
            step.lockedUntil = until
            step.message = "too many failed attempts for this number: fingerprint checks are locked until \(ISO8601DateFormatter().string(from: until))"
            step.mobileIDOffered = true
        case .captureFailed(let reason, let guidance):
            step.lastResult = "capture-failed"
            step.guidance = guidance
            step.message = reason
        case .backendFailed(let error):
            step.lastResult = "backend-unavailable"
            step.guidance = nil
            step.message = error.description
        }
        if step.failures >= step.attemptsBeforeMobileID { step.mobileIDOffered = true }
        sessions[id]?.identity = step
        _ = await process(.identityFailed(reason: step.lastResult ?? "failed"), id)
    }

    /// Both paths end here: the number is wiped, the ledger gets the kiosk's own reference.
    private func identityVerified(_ id: UUID, _ identity: VerifiedIdentity) async {
        guard var step = sessions[id]?.identity else { return }
        step.wipe()
        step.verified = identity
        step.stage = .verified
        step.capture = .idle
        step.guidance = nil
        step.lastResult = nil
        step.message = nil
        step.challenge = nil
        step.qrSVG = nil
        sessions[id]?.identity = step
        let reference = referenceKey?.ledgerReference(for: identity.resident)
        _ = await process(.identityVerified(reference), id)
    }

    /// One capture on `reader` and, if the image is good enough, one check by `verifier`. The image,
    /// the template and the request are wiped before returning.
    private static func captureAndVerify(
        reader: any FingerprintReader, verifier: any IdentityVerifier, timeout: Duration, kioskID: String, number: ResidentNumber,
        progress: @Sendable (CaptureGuidance) async -> Void
    ) async -> ThumbOutcome {
        var captured: GrayImage?
        do {
            for try await event in reader.capture(timeout: timeout) {
                switch event {
                case .guidance(let step): await progress(step)
                case .image(let image): captured = image
                }
            }
        } catch {
            return .captureFailed("\(error)", guidance: nil)
        }
        guard var image = captured else { return .captureFailed("the reader ended the capture without an image", guidance: nil) }
        let quality = FingerprintQuality.assess(image)
        guard quality.isAcceptable else {
            image.wipe()
            return .captureFailed("the capture is too poor to check (quality \(quality.score))", guidance: quality.guidance)
        }
        var template = MinutiaeExtractor().template(from: image, quality: quality.score)
        image.wipe()
        var request = IdentityVerificationRequest(
            kioskID: kioskID, residentNumber: number, template: template.isoRecord(), quality: quality.score, at: Date())
        template.wipe()
        defer { request.wipe() }
        do throws(IdentityVerificationError) {
            return .verdict(try await verifier.verify(request), quality: quality.score)
        } catch {
            return .backendFailed(error)
        }
    }

    // MARK: - one event at a time per session

    private func acquire(_ id: UUID) async {
        if busy.insert(id).inserted { return }
        await withCheckedContinuation { continuation in waiters[id, default: []].append(continuation) }
    }

    private func release(_ id: UUID) {
        if var queue = waiters[id], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[id] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            busy.remove(id)
        }
    }
    // MARK: issue 10 (satisfaction feedback)
    private var feedbackGiven: Set<UUID> = []

    /// The resident's one-tap rating (1–5, validated by the API) after the session ended: appended to
    /// the ledger as `feedback` (`detail` = `rating=N`), once per session.
    func feedback(_ id: UUID, rating: Int) async throws(Refusal) -> SessionView {
        guard let live = sessions[id] else { throw Refusal(status: 404, message: "no session \(id)") }
        guard live.session.phase.isTerminal else {
            throw Refusal(status: 409, message: "session \(id) has not ended (\(live.session.phase.rawValue)): feedback comes after it ends")
        }
        guard feedbackGiven.insert(id).inserted else { throw Refusal(status: 409, message: "session \(id) already has feedback") }
        let record = LedgerRecord(kind: .feedback, kioskID: live.session.kioskID, instant: instant(), sessionID: id, detail: "rating=\(rating)")
        do {
            _ = try await ledger.append([record])
        } catch {
            feedbackGiven.remove(id)
            throw Refusal(status: 503, message: "feedback could not be recorded: \(error)")
        }
        return try existing(id)
    }
}
